--
-- PostgreSQL database dump
--

\restrict 85mwbvjFGvfyY3YebB6oNzpNeEzZtWxYQspFdroAdfZL06CxgpsfOqf0VbtB5jT

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: fixture_v1; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA fixture_v1;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: attempt; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.attempt (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    team_id uuid NOT NULL,
    question_id uuid NOT NULL,
    title text NOT NULL,
    description text,
    start_day date,
    status text NOT NULL,
    CONSTRAINT attempt_status_check CHECK ((status = ANY (ARRAY['planned'::text, 'underway'::text, 'adopted'::text, 'dropped'::text]))),
    CONSTRAINT attempt_title_check CHECK (((char_length(title) >= 1) AND (char_length(title) <= 2000)))
);


--
-- Name: celebration; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.celebration (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    win_id uuid NOT NULL,
    member_id uuid NOT NULL,
    kind text NOT NULL,
    message text,
    at timestamp with time zone NOT NULL,
    CONSTRAINT celebration_kind_check CHECK ((kind = ANY (ARRAY['confetti'::text, 'applause'::text, 'thanks'::text, 'shoutOut'::text])))
);


--
-- Name: change_log; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.change_log (
    seq bigint NOT NULL,
    tenant_id uuid NOT NULL,
    team_id uuid NOT NULL,
    entity text NOT NULL,
    action text NOT NULL,
    entity_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT change_log_action_check CHECK ((action = ANY (ARRAY['created'::text, 'updated'::text, 'deleted'::text])))
);


--
-- Name: change_log_seq_seq; Type: SEQUENCE; Schema: fixture_v1; Owner: -
--

CREATE SEQUENCE fixture_v1.change_log_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_log_seq_seq; Type: SEQUENCE OWNED BY; Schema: fixture_v1; Owner: -
--

ALTER SEQUENCE fixture_v1.change_log_seq_seq OWNED BY fixture_v1.change_log.seq;


--
-- Name: goal; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.goal (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    team_id uuid NOT NULL,
    title text NOT NULL,
    summary text,
    looks_like text[] DEFAULT '{}'::text[] NOT NULL,
    sounds_like text[] DEFAULT '{}'::text[] NOT NULL,
    feels_like text[] DEFAULT '{}'::text[] NOT NULL,
    start_day date,
    end_day date,
    status text NOT NULL,
    CONSTRAINT goal_check CHECK (((start_day IS NULL) OR (end_day IS NULL) OR (start_day <= end_day))),
    CONSTRAINT goal_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'active'::text, 'achieved'::text, 'retired'::text]))),
    CONSTRAINT goal_title_check CHECK (((char_length(title) >= 1) AND (char_length(title) <= 2000)))
);


--
-- Name: goal_focus_group; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.goal_focus_group (
    goal_id uuid NOT NULL,
    group_id uuid NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: learning_question; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.learning_question (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    team_id uuid NOT NULL,
    goal_id uuid,
    text text NOT NULL,
    status text NOT NULL,
    answer text,
    CONSTRAINT learning_question_status_check CHECK ((status = ANY (ARRAY['open'::text, 'answered'::text]))),
    CONSTRAINT learning_question_text_check CHECK (((char_length(text) >= 1) AND (char_length(text) <= 2000)))
);


--
-- Name: member; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.member (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name text NOT NULL,
    email text,
    CONSTRAINT member_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 1000)))
);


--
-- Name: membership; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.membership (
    member_id uuid NOT NULL,
    team_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    role text NOT NULL,
    CONSTRAINT membership_role_check CHECK ((role = ANY (ARRAY['lead'::text, 'member'::text, 'coach'::text, 'observer'::text])))
);


--
-- Name: smallwins_migrations; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.smallwins_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: student_group; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.student_group (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    team_id uuid NOT NULL,
    name text NOT NULL,
    description text,
    CONSTRAINT student_group_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 1000)))
);


--
-- Name: team; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.team (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    parent_id uuid,
    name text NOT NULL,
    kind text NOT NULL,
    CONSTRAINT team_kind_check CHECK ((kind = ANY (ARRAY['district'::text, 'school'::text, 'team'::text]))),
    CONSTRAINT team_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 1000)))
);


--
-- Name: theme; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.theme (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    team_id uuid NOT NULL,
    name text NOT NULL,
    description text,
    CONSTRAINT theme_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 1000)))
);


--
-- Name: win; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.win (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    team_id uuid NOT NULL,
    author_id uuid NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    story text NOT NULL,
    learned text,
    next text,
    day date NOT NULL,
    goal_id uuid,
    attempt_id uuid,
    recorded_at timestamp with time zone NOT NULL,
    search_text text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
    CONSTRAINT win_check CHECK (((kind <> 'lesson'::text) OR (learned IS NOT NULL))),
    CONSTRAINT win_kind_check CHECK ((kind = ANY (ARRAY['success'::text, 'lesson'::text]))),
    CONSTRAINT win_story_check CHECK ((char_length(story) >= 1)),
    CONSTRAINT win_title_check CHECK (((char_length(title) >= 1) AND (char_length(title) <= 2000)))
);


--
-- Name: win_group; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.win_group (
    win_id uuid NOT NULL,
    group_id uuid NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: win_shout_out; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.win_shout_out (
    win_id uuid NOT NULL,
    member_id uuid NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: win_theme; Type: TABLE; Schema: fixture_v1; Owner: -
--

CREATE TABLE fixture_v1.win_theme (
    win_id uuid NOT NULL,
    theme_id uuid NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: change_log seq; Type: DEFAULT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.change_log ALTER COLUMN seq SET DEFAULT nextval('fixture_v1.change_log_seq_seq'::regclass);


--
-- Data for Name: attempt; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.attempt (id, tenant_id, team_id, question_id, title, description, start_day, status) FROM stdin;
00000000-0000-7000-8000-000000000061	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	00000000-0000-7000-8000-000000000051	Partner reading, ten minutes a day	\N	2026-09-01	underway
\.


--
-- Data for Name: celebration; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.celebration (id, tenant_id, win_id, member_id, kind, message, at) FROM stdin;
00000000-0000-7000-8000-000000000081	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000072	00000000-0000-7000-8000-000000000012	confetti	-Ana's face, when she finished!	2026-11-25 09:46:40.456+00
\.


--
-- Data for Name: change_log; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.change_log (seq, tenant_id, team_id, entity, action, entity_id, at) FROM stdin;
1	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	team	created	00000000-0000-7000-8000-000000000001	2026-11-25 13:46:56.706+00
2	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000002	team	created	00000000-0000-7000-8000-000000000002	2026-11-25 13:46:56.71+00
3	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	team	created	00000000-0000-7000-8000-000000000003	2026-11-25 13:46:56.716+00
4	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	member	created	00000000-0000-7000-8000-000000000011	2026-11-25 13:46:56.721+00
5	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	member	created	00000000-0000-7000-8000-000000000012	2026-11-25 13:46:56.725+00
6	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	membership	created	00000000-0000-7000-8000-000000000011	2026-11-25 13:46:56.729+00
7	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	membership	created	00000000-0000-7000-8000-000000000012	2026-11-25 13:46:56.734+00
8	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	studentGroup	created	00000000-0000-7000-8000-000000000021	2026-11-25 13:46:56.738+00
9	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	studentGroup	created	00000000-0000-7000-8000-000000000022	2026-11-25 13:46:56.743+00
10	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	theme	created	00000000-0000-7000-8000-000000000032	2026-11-25 13:46:56.748+00
11	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	theme	created	00000000-0000-7000-8000-000000000031	2026-11-25 13:46:56.752+00
12	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000002	goal	created	00000000-0000-7000-8000-000000000041	2026-11-25 13:46:56.757+00
13	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	learningQuestion	created	00000000-0000-7000-8000-000000000051	2026-11-25 13:46:56.764+00
14	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	attempt	created	00000000-0000-7000-8000-000000000061	2026-11-25 13:46:56.769+00
15	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	win	created	00000000-0000-7000-8000-000000000072	2026-11-25 13:46:56.775+00
16	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	win	created	00000000-0000-7000-8000-000000000071	2026-11-25 13:46:56.775+00
17	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	celebration	created	00000000-0000-7000-8000-000000000081	2026-11-25 13:46:56.789+00
\.


--
-- Data for Name: goal; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.goal (id, tenant_id, team_id, title, summary, looks_like, sounds_like, feels_like, start_day, end_day, status) FROM stdin;
00000000-0000-7000-8000-000000000041	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000002	Every reader reads fluently by spring	Grades 2-4	{"students reread to a partner"}	{"I can read this!"}	{confident,proud}	2026-08-24	2027-06-11	active
\.


--
-- Data for Name: goal_focus_group; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.goal_focus_group (goal_id, group_id, "position") FROM stdin;
00000000-0000-7000-8000-000000000041	00000000-0000-7000-8000-000000000021	0
00000000-0000-7000-8000-000000000041	00000000-0000-7000-8000-000000000022	1
\.


--
-- Data for Name: learning_question; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.learning_question (id, tenant_id, team_id, goal_id, text, status, answer) FROM stdin;
00000000-0000-7000-8000-000000000051	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	00000000-0000-7000-8000-000000000041	Does partner reading help our multilingual learners?	open	\N
\.


--
-- Data for Name: member; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.member (id, tenant_id, organization_id, name, email) FROM stdin;
00000000-0000-7000-8000-000000000011	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	Maria López	maria@riverside.org
00000000-0000-7000-8000-000000000012	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	Sam "Coach" Carter	\N
\.


--
-- Data for Name: membership; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.membership (member_id, team_id, tenant_id, role) FROM stdin;
00000000-0000-7000-8000-000000000011	00000000-0000-7000-8000-000000000003	00000000-0000-7000-8000-000000000001	lead
00000000-0000-7000-8000-000000000012	00000000-0000-7000-8000-000000000003	00000000-0000-7000-8000-000000000001	member
\.


--
-- Data for Name: smallwins_migrations; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.smallwins_migrations (version, name, applied_at) FROM stdin;
1	teams, members, codebooks, goals, learning agenda, wins, celebrations	2026-11-25 13:46:56.649049+00
\.


--
-- Data for Name: student_group; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.student_group (id, tenant_id, team_id, name, description) FROM stdin;
00000000-0000-7000-8000-000000000021	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	Multilingual learners	Students learning English
00000000-0000-7000-8000-000000000022	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	Students with IEPs	\N
\.


--
-- Data for Name: team; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.team (id, tenant_id, parent_id, name, kind) FROM stdin;
00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	\N	Riverside District	district
00000000-0000-7000-8000-000000000002	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	Village Elementary	school
00000000-0000-7000-8000-000000000003	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000002	Grade 3	team
\.


--
-- Data for Name: theme; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.theme (id, tenant_id, team_id, name, description) FROM stdin;
00000000-0000-7000-8000-000000000032	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	Discourse, talk; argument	\N
00000000-0000-7000-8000-000000000031	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000001	Fluency	Reading with accuracy, pace, expression
\.


--
-- Data for Name: win; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.win (id, tenant_id, team_id, author_id, kind, title, story, learned, next, day, goal_id, attempt_id, recorded_at, search_text) FROM stdin;
00000000-0000-7000-8000-000000000072	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	00000000-0000-7000-8000-000000000011	success	=Coach cards worked +100%	With "reader/coach" cards, every pair stayed on task\tand Ana read a whole page aloud 👩🏽‍🏫 <b>wow</b>\r\n@everyone	\N	\N	2026-11-24	00000000-0000-7000-8000-000000000041	00000000-0000-7000-8000-000000000061	2026-11-24 06:00:00.123+00	coach cards worked 100 with reader coach cards every pair stayed on task and ana read a whole page aloud b wow b everyone
00000000-0000-7000-8000-000000000071	00000000-0000-7000-8000-000000000001	00000000-0000-7000-8000-000000000003	00000000-0000-7000-8000-000000000011	lesson	Partner reading fell flat	My pairs drifted off task;\nthe stronger reader did all the reading.	Pairs need roles, a reader and a coach.	Try reader/coach cards	2026-11-18	00000000-0000-7000-8000-000000000041	00000000-0000-7000-8000-000000000061	2026-11-18 11:06:40+00	partner reading fell flat my pairs drifted off task the stronger reader did all the reading
\.


--
-- Data for Name: win_group; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.win_group (win_id, group_id, "position") FROM stdin;
00000000-0000-7000-8000-000000000072	00000000-0000-7000-8000-000000000021	0
00000000-0000-7000-8000-000000000072	00000000-0000-7000-8000-000000000022	1
00000000-0000-7000-8000-000000000071	00000000-0000-7000-8000-000000000021	0
\.


--
-- Data for Name: win_shout_out; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.win_shout_out (win_id, member_id, "position") FROM stdin;
00000000-0000-7000-8000-000000000072	00000000-0000-7000-8000-000000000012	0
\.


--
-- Data for Name: win_theme; Type: TABLE DATA; Schema: fixture_v1; Owner: -
--

COPY fixture_v1.win_theme (win_id, theme_id, "position") FROM stdin;
00000000-0000-7000-8000-000000000072	00000000-0000-7000-8000-000000000032	0
00000000-0000-7000-8000-000000000072	00000000-0000-7000-8000-000000000031	1
00000000-0000-7000-8000-000000000071	00000000-0000-7000-8000-000000000031	0
\.


--
-- Name: change_log_seq_seq; Type: SEQUENCE SET; Schema: fixture_v1; Owner: -
--

SELECT pg_catalog.setval('fixture_v1.change_log_seq_seq', 17, true);


--
-- Name: attempt attempt_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.attempt
    ADD CONSTRAINT attempt_pkey PRIMARY KEY (id);


--
-- Name: celebration celebration_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.celebration
    ADD CONSTRAINT celebration_pkey PRIMARY KEY (id);


--
-- Name: change_log change_log_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.change_log
    ADD CONSTRAINT change_log_pkey PRIMARY KEY (seq);


--
-- Name: goal_focus_group goal_focus_group_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.goal_focus_group
    ADD CONSTRAINT goal_focus_group_pkey PRIMARY KEY (goal_id, group_id);


--
-- Name: goal goal_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.goal
    ADD CONSTRAINT goal_pkey PRIMARY KEY (id);


--
-- Name: learning_question learning_question_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.learning_question
    ADD CONSTRAINT learning_question_pkey PRIMARY KEY (id);


--
-- Name: member member_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.member
    ADD CONSTRAINT member_pkey PRIMARY KEY (id);


--
-- Name: membership membership_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.membership
    ADD CONSTRAINT membership_pkey PRIMARY KEY (member_id, team_id);


--
-- Name: smallwins_migrations smallwins_migrations_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.smallwins_migrations
    ADD CONSTRAINT smallwins_migrations_pkey PRIMARY KEY (version);


--
-- Name: student_group student_group_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.student_group
    ADD CONSTRAINT student_group_pkey PRIMARY KEY (id);


--
-- Name: student_group student_group_team_id_name_key; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.student_group
    ADD CONSTRAINT student_group_team_id_name_key UNIQUE (team_id, name);


--
-- Name: team team_parent_id_name_key; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.team
    ADD CONSTRAINT team_parent_id_name_key UNIQUE (parent_id, name);


--
-- Name: team team_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.team
    ADD CONSTRAINT team_pkey PRIMARY KEY (id);


--
-- Name: theme theme_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.theme
    ADD CONSTRAINT theme_pkey PRIMARY KEY (id);


--
-- Name: theme theme_team_id_name_key; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.theme
    ADD CONSTRAINT theme_team_id_name_key UNIQUE (team_id, name);


--
-- Name: win_group win_group_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_group
    ADD CONSTRAINT win_group_pkey PRIMARY KEY (win_id, group_id);


--
-- Name: win win_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win
    ADD CONSTRAINT win_pkey PRIMARY KEY (id);


--
-- Name: win_shout_out win_shout_out_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_shout_out
    ADD CONSTRAINT win_shout_out_pkey PRIMARY KEY (win_id, member_id);


--
-- Name: win_theme win_theme_pkey; Type: CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_theme
    ADD CONSTRAINT win_theme_pkey PRIMARY KEY (win_id, theme_id);


--
-- Name: attempt_by_question; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX attempt_by_question ON fixture_v1.attempt USING btree (question_id);


--
-- Name: attempt_by_team; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX attempt_by_team ON fixture_v1.attempt USING btree (team_id);


--
-- Name: celebration_by_member; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX celebration_by_member ON fixture_v1.celebration USING btree (member_id);


--
-- Name: celebration_by_win; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX celebration_by_win ON fixture_v1.celebration USING btree (win_id, at, id);


--
-- Name: goal_by_team; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX goal_by_team ON fixture_v1.goal USING btree (team_id);


--
-- Name: goal_focus_group_by_group; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX goal_focus_group_by_group ON fixture_v1.goal_focus_group USING btree (group_id);


--
-- Name: learning_question_by_goal; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX learning_question_by_goal ON fixture_v1.learning_question USING btree (goal_id);


--
-- Name: learning_question_by_team; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX learning_question_by_team ON fixture_v1.learning_question USING btree (team_id);


--
-- Name: member_by_organization; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX member_by_organization ON fixture_v1.member USING btree (organization_id);


--
-- Name: membership_by_team; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX membership_by_team ON fixture_v1.membership USING btree (team_id, member_id);


--
-- Name: team_by_tenant; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX team_by_tenant ON fixture_v1.team USING btree (tenant_id);


--
-- Name: win_by_attempt; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_by_attempt ON fixture_v1.win USING btree (attempt_id, day DESC, id DESC);


--
-- Name: win_by_author; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_by_author ON fixture_v1.win USING btree (author_id, day DESC, id DESC);


--
-- Name: win_by_goal; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_by_goal ON fixture_v1.win USING btree (goal_id, day DESC, id DESC);


--
-- Name: win_by_team; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_by_team ON fixture_v1.win USING btree (team_id, day DESC, id DESC);


--
-- Name: win_facts; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_facts ON fixture_v1.win USING btree (day) INCLUDE (team_id, kind, author_id, goal_id, attempt_id, id);


--
-- Name: win_group_by_group; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_group_by_group ON fixture_v1.win_group USING btree (group_id, win_id);


--
-- Name: win_newest; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_newest ON fixture_v1.win USING btree (day DESC, id DESC);


--
-- Name: win_search; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_search ON fixture_v1.win USING gin (search);


--
-- Name: win_shout_out_by_member; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_shout_out_by_member ON fixture_v1.win_shout_out USING btree (member_id, win_id);


--
-- Name: win_theme_by_theme; Type: INDEX; Schema: fixture_v1; Owner: -
--

CREATE INDEX win_theme_by_theme ON fixture_v1.win_theme USING btree (theme_id, win_id);


--
-- Name: attempt attempt_question_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.attempt
    ADD CONSTRAINT attempt_question_id_fkey FOREIGN KEY (question_id) REFERENCES fixture_v1.learning_question(id);


--
-- Name: attempt attempt_team_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.attempt
    ADD CONSTRAINT attempt_team_id_fkey FOREIGN KEY (team_id) REFERENCES fixture_v1.team(id);


--
-- Name: celebration celebration_member_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.celebration
    ADD CONSTRAINT celebration_member_id_fkey FOREIGN KEY (member_id) REFERENCES fixture_v1.member(id);


--
-- Name: celebration celebration_win_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.celebration
    ADD CONSTRAINT celebration_win_id_fkey FOREIGN KEY (win_id) REFERENCES fixture_v1.win(id) ON DELETE CASCADE;


--
-- Name: goal_focus_group goal_focus_group_goal_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.goal_focus_group
    ADD CONSTRAINT goal_focus_group_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES fixture_v1.goal(id) ON DELETE CASCADE;


--
-- Name: goal_focus_group goal_focus_group_group_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.goal_focus_group
    ADD CONSTRAINT goal_focus_group_group_id_fkey FOREIGN KEY (group_id) REFERENCES fixture_v1.student_group(id);


--
-- Name: goal goal_team_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.goal
    ADD CONSTRAINT goal_team_id_fkey FOREIGN KEY (team_id) REFERENCES fixture_v1.team(id);


--
-- Name: learning_question learning_question_goal_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.learning_question
    ADD CONSTRAINT learning_question_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES fixture_v1.goal(id);


--
-- Name: learning_question learning_question_team_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.learning_question
    ADD CONSTRAINT learning_question_team_id_fkey FOREIGN KEY (team_id) REFERENCES fixture_v1.team(id);


--
-- Name: member member_organization_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.member
    ADD CONSTRAINT member_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES fixture_v1.team(id);


--
-- Name: membership membership_member_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.membership
    ADD CONSTRAINT membership_member_id_fkey FOREIGN KEY (member_id) REFERENCES fixture_v1.member(id);


--
-- Name: membership membership_team_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.membership
    ADD CONSTRAINT membership_team_id_fkey FOREIGN KEY (team_id) REFERENCES fixture_v1.team(id);


--
-- Name: student_group student_group_team_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.student_group
    ADD CONSTRAINT student_group_team_id_fkey FOREIGN KEY (team_id) REFERENCES fixture_v1.team(id);


--
-- Name: team team_parent_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.team
    ADD CONSTRAINT team_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES fixture_v1.team(id);


--
-- Name: theme theme_team_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.theme
    ADD CONSTRAINT theme_team_id_fkey FOREIGN KEY (team_id) REFERENCES fixture_v1.team(id);


--
-- Name: win win_attempt_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win
    ADD CONSTRAINT win_attempt_id_fkey FOREIGN KEY (attempt_id) REFERENCES fixture_v1.attempt(id);


--
-- Name: win win_author_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win
    ADD CONSTRAINT win_author_id_fkey FOREIGN KEY (author_id) REFERENCES fixture_v1.member(id);


--
-- Name: win win_goal_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win
    ADD CONSTRAINT win_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES fixture_v1.goal(id);


--
-- Name: win_group win_group_group_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_group
    ADD CONSTRAINT win_group_group_id_fkey FOREIGN KEY (group_id) REFERENCES fixture_v1.student_group(id);


--
-- Name: win_group win_group_win_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_group
    ADD CONSTRAINT win_group_win_id_fkey FOREIGN KEY (win_id) REFERENCES fixture_v1.win(id) ON DELETE CASCADE;


--
-- Name: win_shout_out win_shout_out_member_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_shout_out
    ADD CONSTRAINT win_shout_out_member_id_fkey FOREIGN KEY (member_id) REFERENCES fixture_v1.member(id);


--
-- Name: win_shout_out win_shout_out_win_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_shout_out
    ADD CONSTRAINT win_shout_out_win_id_fkey FOREIGN KEY (win_id) REFERENCES fixture_v1.win(id) ON DELETE CASCADE;


--
-- Name: win win_team_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win
    ADD CONSTRAINT win_team_id_fkey FOREIGN KEY (team_id) REFERENCES fixture_v1.team(id);


--
-- Name: win_theme win_theme_theme_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_theme
    ADD CONSTRAINT win_theme_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES fixture_v1.theme(id);


--
-- Name: win_theme win_theme_win_id_fkey; Type: FK CONSTRAINT; Schema: fixture_v1; Owner: -
--

ALTER TABLE ONLY fixture_v1.win_theme
    ADD CONSTRAINT win_theme_win_id_fkey FOREIGN KEY (win_id) REFERENCES fixture_v1.win(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict 85mwbvjFGvfyY3YebB6oNzpNeEzZtWxYQspFdroAdfZL06CxgpsfOqf0VbtB5jT

