import Foundation

/// Something teachers try, with the words they use when it works and when it teaches them something.
/// Stories are composed from these fragments, so every demo win reads like a teacher wrote it.
struct Strategy: Sendable {
    /// What is tried, as an attempt title ("Reader and coach cards").
    let name: String
    /// The subject area it belongs to.
    let domain: Domain
    /// First-person sentences saying what the teacher did.
    let actions: [String]
    /// What happened when it worked; `{student}` is replaced by a student's first name.
    let successes: [String]
    /// What went wrong when it did not.
    let problems: [String]
    /// What the team learned from that.
    let lessons: [String]
    /// What they will try next.
    let nextSteps: [String]
    /// Themes of the demo codebook it is coded with.
    let themes: [String]
    /// Short success titles.
    let titles: [String]
    /// Short lesson titles.
    let lessonTitles: [String]

    /// The subject areas of the demo's teams.
    enum Domain: Sendable {
        case reading, math, writing, family, attendance, science, advisory
    }
}

extension Strategy {
    /// Every strategy of the demo, by domain.
    static let all: [Strategy] = reading + math + writing + family + attendance + science + advisory

    static let reading: [Strategy] = [
        Strategy(
            name: "Reader and coach cards", domain: .reading,
            actions: ["I gave each partner pair a reader card and a coach card and modeled how a coach helps without taking over.",
                      "We switched partner reading to reader and coach roles, with sentence stems on the coach card."],
            successes: ["{student} read a whole page aloud to a partner and then asked to read the next one.",
                        "every pair stayed on task for the full ten minutes, and the coaches actually waited before helping.",
                        "{student}, who usually passes, coached a partner through two tricky words."],
            problems: ["the stronger reader still did most of the reading and the coach just listened.",
                       "the cards turned into a game of who could flip them fastest."],
            lessons: ["Roles only work when the coach has one concrete job, like pointing to the tricky word.",
                      "Kids need to see the roles modeled three or four times before they own them."],
            nextSteps: ["Model the coach role with a student in front of the class on Monday.", "Add a single coach job to the card."],
            themes: ["Fluency practice", "Student discourse"],
            titles: ["Coach cards kept every pair reading", "Partners coached each other", "A whole page aloud"],
            lessonTitles: ["Partner reading fell flat", "The coaches took over"]),
        Strategy(
            name: "Repeated reading with a timer", domain: .reading,
            actions: ["Students reread the same short passage three times with a one-minute timer and graphed their words per minute.",
                      "I tried daily repeated reading with a one-minute timer in small group."],
            successes: ["{student} went from 41 to 63 words a minute and drew a star on the graph.",
                        "the whole group asked for the graphs so they could see their own progress.",
                        "{student} noticed the reading had more expression, not just more speed."],
            problems: ["a few students started racing and stopped making sense of the text.",
                       "the timer made {student} so anxious that the reading stopped."],
            lessons: ["Speed is not fluency; we need to score expression and phrasing too.",
                      "Some kids do better graphing against themselves privately than in front of the group."],
            nextSteps: ["Add an expression rating to the graph.", "Let students choose whether to share their graph."],
            themes: ["Fluency practice", "Formative assessment"],
            titles: ["Words per minute went up", "Graphs made progress visible", "Faster and with expression"],
            lessonTitles: ["Racing is not reading", "The timer backfired"]),
        Strategy(
            name: "Vocabulary picture walks", domain: .reading,
            actions: ["Before the read-aloud we did a picture walk and sketched the four words I expected to trip students up.",
                      "I previewed key vocabulary with pictures and gestures in home languages before the story."],
            successes: ["{student} used the word 'reluctant' correctly in an exit ticket without looking at the chart.",
                        "my newcomers pointed at the sketches during the read-aloud and followed the whole story.",
                        "{student} taught the gesture for 'harvest' to the class in Spanish and English."],
            problems: ["we spent so long on the picture walk that the read-aloud got cut short.",
                       "students remembered the pictures but not the words."],
            lessons: ["Four words is the limit; more than that and the preview eats the lesson.",
                      "The words stick when students say them aloud, not when they only see them."],
            nextSteps: ["Cap the preview at five minutes.", "Have partners say each word in a sentence."],
            themes: ["Vocabulary", "Belonging"],
            titles: ["Picture walks opened the story", "New words showed up in writing", "Home languages in the read-aloud"],
            lessonTitles: ["The preview ate the lesson", "Pictures without words"]),
    ]

    static let math: [Strategy] = [
        Strategy(
            name: "Number talks", domain: .math,
            actions: ["We opened math with a five-minute number talk and I recorded every strategy on the board, right or wrong.",
                      "I started daily number talks with a dot image and asked how students saw it."],
            successes: ["{student} explained seeing 14 as 7 and 7, and three classmates built on the idea.",
                        "students started saying 'I agree with {student} because…' without a prompt.",
                        "{student}, who never talks in math, explained a way to solve it, and the class called it the {student} method."],
            problems: ["the same four students answered every time.",
                       "we ran over into the lesson every day and never finished the task."],
            lessons: ["Think time with a thumb signal gets more hands up than calling on the first hand.",
                      "A visible timer keeps the talk to five minutes."],
            nextSteps: ["Use thumbs on chest for think time.", "Set a five-minute timer on the board."],
            themes: ["Math talk", "Student discourse"],
            titles: ["Everyone had a strategy", "The class named a method after a student", "Math talk without prompts"],
            lessonTitles: ["The same four voices", "Number talks ran long"]),
        Strategy(
            name: "Error analysis warm-ups", domain: .math,
            actions: ["I put a worked problem with one mistake on the board and asked pairs to find and fix it.",
                      "Warm-ups this week were 'my favorite no': an anonymous wrong answer we fixed together."],
            successes: ["{student} spotted the sign error and explained why it mattered, and nobody laughed.",
                        "students were more willing to show their own work once we had celebrated a good mistake.",
                        "{student} said 'my mistake helped everyone' and meant it."],
            problems: ["students could see it was someone's real work and it felt like shaming.",
                       "pairs found the error yet could not explain why it was wrong."],
            lessons: ["Mistakes have to be truly anonymous, so I rewrite them in my handwriting.",
                      "Finding the error is easy; explaining it is the learning, so that is what we should grade."],
            nextSteps: ["Rewrite every sample in my own handwriting.", "Add 'explain why' to the warm-up."],
            themes: ["Feedback", "Math talk", "Belonging"],
            titles: ["A favorite mistake", "Students showed their work", "Explaining the error"],
            lessonTitles: ["It felt like shaming", "Found it, could not explain it"]),
        Strategy(
            name: "Small-group reteach stations", domain: .math,
            actions: ["After the quiz I pulled three small groups by the mistake they made while the others rotated through practice.",
                      "We ran reteach stations sorted by exit-ticket errors."],
            successes: ["all six students in the fractions group got the next exit ticket right.",
                        "{student} asked to come back to the station the next day because it finally made sense.",
                        "the stations let me spend ten focused minutes with my students with IEPs."],
            problems: ["the practice stations got loud and I spent the time managing instead of teaching.",
                       "students figured out the groups were by score and felt labeled."],
            lessons: ["The independent stations need to be work students can already do, or the reteach never happens.",
                      "Groups by mistake type, not by score, and we change them every week."],
            nextSteps: ["Make the independent stations review only.", "Name groups after the skill, not the level."],
            themes: ["Small-group instruction", "Formative assessment"],
            titles: ["Every student in the group got it", "Reteach stations worked", "Ten minutes that mattered"],
            lessonTitles: ["Stations got loud", "Groups felt like labels"]),
    ]

    static let writing: [Strategy] = [
        Strategy(
            name: "Claim-evidence-reasoning frames", domain: .writing,
            actions: ["Students used a claim, evidence and reasoning frame to argue whether the city should build the new park.",
                      "I introduced CER frames with color-coded sentence starters."],
            successes: ["{student} wrote a first full paragraph with a claim and two pieces of evidence.",
                        "my multilingual learners used the starters and then dropped them by the second draft.",
                        "{student} argued the opposite side from the rest of the table and backed it up."],
            problems: ["every paragraph came out sounding the same.",
                       "students filled in the frame, yet the reasoning was just the evidence repeated."],
            lessons: ["Frames are a ramp, not a ceiling: take them away once students have the moves.",
                      "Reasoning needs its own mini-lesson with 'this shows… because…'."],
            nextSteps: ["Fade the frames after the first draft.", "Teach a reasoning mini-lesson Tuesday."],
            themes: ["Writing conferences", "Student discourse"],
            titles: ["A full argument paragraph", "Evidence, then reasoning", "Starters became habits"],
            lessonTitles: ["Every paragraph sounded the same", "Reasoning was just evidence again"]),
        Strategy(
            name: "Two-minute writing conferences", domain: .writing,
            actions: ["I held two-minute conferences during writing time with a single compliment and a single teaching point.",
                      "We tried quick conferences with a clipboard of notes for each writer."],
            successes: ["I reached every writer in two days instead of a week, and {student} used my teaching point right away.",
                        "{student} said it was the first time a teacher named what was good in the writing.",
                        "my notes showed who was stuck on the same thing, so tomorrow's mini-lesson writes itself."],
            problems: ["two minutes always became six and I only saw four students.",
                       "students waited for me instead of writing."],
            lessons: ["A visible timer and one teaching point keep conferences short.",
                      "Students need a 'what to do while you wait' list posted."],
            nextSteps: ["Use a sand timer for conferences.", "Post a while-you-wait list."],
            themes: ["Writing conferences", "Feedback"],
            titles: ["Every writer conferred in two days", "A compliment and one next step", "Notes that plan tomorrow"],
            lessonTitles: ["Two minutes became six", "Writers waited instead of writing"]),
    ]

    static let family: [Strategy] = [
        Strategy(
            name: "Invitations in home languages", domain: .family,
            actions: ["We sent the reading night invitation in English, Spanish, Arabic and Vietnamese, and followed up with phone calls.",
                      "Our family liaison called every family personally, in their language, before conferences."],
            successes: ["forty families came to reading night, twice last year's number.",
                        "{student}'s grandmother came to a first conference and stayed to help translate for another family.",
                        "families asked us to run the math night again in the spring."],
            problems: ["only four families came, and three of them already come to everything.",
                       "the translated flyers went home in backpacks and never came out."],
            lessons: ["A phone call from someone who speaks the family's language beats any flyer.",
                      "Dinner and childcare matter more than the topic."],
            nextSteps: ["Split the call list among the team.", "Offer dinner and childcare next time."],
            themes: ["Family partnership", "Belonging"],
            titles: ["Families filled the library", "A grandmother came to conferences", "Families asked for more"],
            lessonTitles: ["Four families came", "Flyers stayed in backpacks"]),
        Strategy(
            name: "Positive phone calls home", domain: .family,
            actions: ["Every team member made two positive phone calls home this week, about something specific.",
                      "We started Friday good-news calls, one per student per month."],
            successes: ["{student}'s dad said nobody had ever called with good news before, and {student} came in beaming on Monday.",
                        "a mom who had stopped answering our calls called back and came to the meeting.",
                        "we reached every family in the grade at least once this month."],
            problems: ["half the numbers were out of date.",
                       "the calls took far longer than the five minutes we planned."],
            lessons: ["Update contact information at the start of the year, not when you need it.",
                      "A text message with a photo works as well as a call for many families."],
            nextSteps: ["Ask the office for updated numbers.", "Try photo texts for the next round."],
            themes: ["Family partnership", "Attendance outreach"],
            titles: ["Good news, first time ever", "A family reconnected", "Every family heard good news"],
            lessonTitles: ["Numbers were out of date", "Calls ran long"]),
    ]

    static let attendance: [Strategy] = [
        Strategy(
            name: "Morning check-in mentors", domain: .attendance,
            actions: ["Each student with more than five absences got a staff mentor who greets them at the door every morning.",
                      "We paired chronically absent ninth graders with a morning check-in adult."],
            successes: ["{student} has not missed a day in three weeks and told the mentor what used to keep them home.",
                        "attendance for our check-in group went from 78% to 91% this month.",
                        "{student} texted the mentor when running late instead of just not coming."],
            problems: ["mentors missed check-ins when they had hall duty, and the students noticed.",
                       "students felt singled out when the check-in happened in front of friends."],
            lessons: ["Reliability is the intervention: a mentor who misses is worse than none.",
                      "Check-ins work best somewhere quiet, not at the front door."],
            nextSteps: ["Give every mentor a backup.", "Move check-ins to the library."],
            themes: ["Attendance outreach", "Belonging"],
            titles: ["Three weeks without an absence", "Check-in group attendance rose", "A text instead of a missed day"],
            lessonTitles: ["Mentors missed check-ins", "Check-ins felt public"]),
    ]

    static let science: [Strategy] = [
        Strategy(
            name: "Student-designed investigations", domain: .science,
            actions: ["Lab groups wrote their own question about plant growth and designed the test before touching materials.",
                      "Instead of the worksheet lab, students designed their own investigation with a planning sheet."],
            successes: ["{student}'s group controlled their variables without any prompting and were proud to explain why.",
                        "the groups argued about fair tests for twenty minutes, which was exactly the point.",
                        "{student}, who hates labs, stayed after class to check on the seedlings."],
            problems: ["half the groups picked questions they could not test in two weeks.",
                       "the planning took three days and the kids lost interest."],
            lessons: ["Students need a short menu of testable questions the first time.",
                      "Planning has to be one period, with a checklist, or the energy drains."],
            nextSteps: ["Offer a menu of five testable questions.", "Use a one-page planning checklist."],
            themes: ["Student discourse", "Formative assessment"],
            titles: ["They controlled the variables", "Arguing about fair tests", "A student checked his seedlings"],
            lessonTitles: ["Questions too big to test", "Planning drained the energy"]),
    ]

    static let advisory: [Strategy] = [
        Strategy(
            name: "Advisory circles", domain: .advisory,
            actions: ["We ran advisory as a circle with a talking piece and one question: what is one thing going well?",
                      "I started Monday circles in advisory with a low-risk question."],
            successes: ["{student} spoke in the circle for the first time this year and the group snapped in support.",
                        "two students who had a conflict last week listened to each other without interrupting.",
                        "students asked to keep circles going even on testing weeks."],
            problems: ["the questions were too personal and students passed.",
                       "the circle took the whole period and we skipped the grade checks."],
            lessons: ["Start with questions anyone can answer, and build up to personal ones.",
                      "Circles need their own day so the rest of advisory does not disappear."],
            nextSteps: ["Keep a bank of warm-up questions.", "Make Monday circle day."],
            themes: ["Belonging", "Routines and procedures"],
            titles: ["A first voice in the circle", "Listening without interrupting", "Students asked for circles"],
            lessonTitles: ["Too personal, too soon", "The circle ate the period"]),
        Strategy(
            name: "Weekly grade checks", domain: .advisory,
            actions: ["Each advisee checked their grades with me on Thursdays and picked one missing assignment to finish.",
                      "We added a five-minute grade check with a goal card in advisory."],
            successes: ["{student} turned in four missing assignments and moved from an F to a C in biology.",
                        "the number of ninth graders failing a class dropped from 31 to 19.",
                        "{student} made a goal card without being asked."],
            problems: ["students looked at their grades, got discouraged and closed the laptop.",
                       "the portal was down half the Thursdays."],
            lessons: ["Pick one assignment, not the whole list; a small step is what keeps them going.",
                      "Keep a printed copy of grades for portal outages."],
            nextSteps: ["Limit goals to one assignment.", "Print grades Wednesday afternoon."],
            themes: ["Feedback", "Routines and procedures"],
            titles: ["Four missing assignments done", "Fewer ninth graders failing", "A goal card without asking"],
            lessonTitles: ["Grades discouraged them", "The portal was down"]),
    ]

    /// First names used in stories, from many backgrounds.
    static let students = ["Ana", "Malik", "Sofia", "Dev", "Amara", "Luis", "Mei", "Jayden", "Fatima", "Tomás", "Aiyana", "Omar",
                           "Hana", "Kofi", "Priya", "Mateo", "Zara", "Eli", "Nia", "Yusuf", "Lena", "Diego", "Ava", "Minh"]
}
