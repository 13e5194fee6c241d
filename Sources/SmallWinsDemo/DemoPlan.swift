import Foundation
import SmallWins

/// The fixed shape of the demo district: schools, their teams and subjects, goals with success criteria
/// and focus groups, the codebooks and staff names.
enum DemoPlan {
    /// A kind of school and the teams it has.
    struct SchoolKind {
        let suffix: String
        let teams: [(name: String, domains: [Strategy.Domain])]
        let goals: [GoalPlan]
    }

    /// A goal a school sets, with the student groups it intends to serve.
    struct GoalPlan {
        let title: String
        let summary: String
        let looksLike: [String]
        let soundsLike: [String]
        let feelsLike: [String]
        let focus: [String]
        let domains: [Strategy.Domain]
    }

    static let themes: [(String, String)] = [
        ("Student discourse", "Students talking to each other about the work, not only to the teacher"),
        ("Fluency practice", "Reading with accuracy, pace and expression"),
        ("Feedback", "Specific, timely feedback students act on"),
        ("Family partnership", "Families as partners in learning"),
        ("Small-group instruction", "Targeted teaching in groups of two to six"),
        ("Routines and procedures", "Predictable structures that free up attention"),
        ("Formative assessment", "Checking understanding during learning, then adjusting"),
        ("Belonging", "Every student known, valued and safe to take risks"),
        ("Vocabulary", "Words students need to read and talk about the work"),
        ("Math talk", "Explaining and comparing mathematical thinking"),
        ("Writing conferences", "One-on-one coaching of writers"),
        ("Attendance outreach", "Reaching students and families before absences add up"),
    ]

    static let groups: [(String, String)] = [
        ("Multilingual learners", "Students developing English alongside their home languages"),
        ("Students with IEPs", "Students with an individualized education program"),
        ("Newcomers", "Students in their first two years in the country"),
        ("Readers below grade level", "Students reading a year or more below grade level this fall"),
        ("Chronically absent students", "Students who missed 10% or more of school days last year"),
        ("First-generation college-bound", "Students who would be the first in their family to attend college"),
    ]

    static let elementary = SchoolKind(
        suffix: "Elementary",
        teams: [("Grade 2", [.reading, .math]), ("Grade 3", [.reading, .writing]), ("Grade 4", [.math, .writing]),
                ("Family engagement", [.family])],
        goals: [
            GoalPlan(title: "Every reader reads fluently by spring", summary: "Grades 2 to 4 read grade-level text with accuracy, pace and expression.",
                     looksLike: ["students reread to a partner without being asked", "fluency graphs on every desk"],
                     soundsLike: ["\"I can read this!\"", "partners saying \"try that sentence again\""],
                     feelsLike: ["confident", "proud to read aloud"], focus: ["Multilingual learners", "Students with IEPs"],
                     domains: [.reading]),
            GoalPlan(title: "Students explain their math thinking", summary: "Every student can explain a strategy and respond to a classmate's.",
                     looksLike: ["several strategies on the board", "students at the board, not only the teacher"],
                     soundsLike: ["\"I agree with … because\"", "\"Another way to see it is\""],
                     feelsLike: ["safe to be wrong"], focus: ["Readers below grade level"], domains: [.math, .writing]),
        ])

    static let middle = SchoolKind(
        suffix: "Middle School",
        teams: [("Grade 6 math", [.math]), ("Grade 7 ELA", [.writing, .reading]), ("Student support", [.advisory, .family])],
        goals: [
            GoalPlan(title: "Every student writes to argue from evidence", summary: "Students write arguments with a claim, evidence and reasoning.",
                     looksLike: ["annotated sources", "drafts with evidence highlighted"], soundsLike: ["\"This shows … because\""],
                     feelsLike: ["like their opinion counts"], focus: ["Multilingual learners", "Newcomers"], domains: [.writing, .reading]),
            GoalPlan(title: "Math class is a place to take risks", summary: "Students share unfinished thinking and learn from mistakes.",
                     looksLike: ["wrong answers on the board, celebrated"], soundsLike: ["\"My mistake helped everyone\""],
                     feelsLike: ["brave", "curious"], focus: ["Students with IEPs"], domains: [.math, .advisory]),
        ])

    static let high = SchoolKind(
        suffix: "High School",
        teams: [("9th grade success", [.advisory, .attendance]), ("Science department", [.science]), ("Attendance team", [.attendance, .family])],
        goals: [
            GoalPlan(title: "Every ninth grader is on track by June", summary: "Ninth graders pass every core class and miss fewer than ten days.",
                     looksLike: ["goal cards in advisory", "fewer empty seats on Mondays"], soundsLike: ["\"I finished my missing work\""],
                     feelsLike: ["known by at least one adult"], focus: ["Chronically absent students", "First-generation college-bound"],
                     domains: [.advisory, .attendance]),
            GoalPlan(title: "Students design their own investigations", summary: "Every science student designs and defends a fair test.",
                     looksLike: ["student-written lab questions"], soundsLike: ["\"Is that a fair test?\""], feelsLike: ["like scientists"],
                     focus: ["Multilingual learners"], domains: [.science]),
        ])

    static let districtGoal = GoalPlan(
        title: "Every family feels they belong here", summary: "Families of every language and background are partners in their child's school.",
        looksLike: ["full family nights", "translated everything"], soundsLike: ["families greeting staff by name"],
        feelsLike: ["welcome"], focus: ["Newcomers", "Multilingual learners"], domains: [.family, .attendance, .advisory])

    static let schoolNames = ["Cedar", "Maple", "Harbor", "Willow", "Summit", "Riverside", "Lakeview", "Oakridge", "Pine Hill", "Meadow",
                              "Brookside", "Highland", "Fairview", "Eastgate", "Westwood", "Northfield", "Sunnyslope", "Granite",
                              "Bayside", "Stonebridge", "Elmwood", "Clearwater", "Foxhollow", "Redwood", "Silverlake", "Hillcrest",
                              "Juniper", "Ashford", "Mill Creek", "Kingsley"]

    static let firstNames = ["Maria", "James", "Aisha", "Daniel", "Mei", "Carlos", "Priya", "Samuel", "Fatima", "Kevin", "Rosa", "Andre",
                             "Hannah", "Jamal", "Linh", "Miguel", "Grace", "Tariq", "Emily", "Diego", "Nadia", "Marcus", "Yuki",
                             "Olivia", "Kwame", "Sara", "Ahmed", "Claire", "Hector", "Naomi", "Ibrahim", "Lucy", "Rafael", "Zoe"]
    static let lastNames = ["Lopez", "Carter", "Nguyen", "Okafor", "Chen", "Patel", "Johnson", "Haddad", "Kim", "Garcia", "Brown",
                            "Mensah", "Rossi", "Singh", "Williams", "Tran", "Alvarez", "Cohen", "Diallo", "Murphy", "Santos",
                            "Yamamoto", "Ali", "Novak", "Reyes", "Osei", "Fischer", "Baptiste", "Kowalski", "Hughes"]
}
