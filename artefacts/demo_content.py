"""The demo artefacts' words: what eight networks of schools might really have written.

Each entry is plain text in the site form's conventions (blank lines between paragraphs, "- " and
"1. " for lists); artefacts.demo turns it into rich text. Keys: title, type, visibility, summary,
context, did, worked, did_not_work, evidence (kind, strength, text) or None, steps, notes,
themes, phases, subjects, tags, file ("pdf", "docx", "txt" or None), video (a URL or None).
"""

MERSEY = "Mersey Learning Partnership"
PENNINE = "Pennine Enquiry Network"
BLACK_COUNTRY = "Black Country Transition Collaborative"
BIRMINGHAM = "Birmingham Pupil Voice Network"
THAMES = "Thames Gateway Literacy Network"
CAMDEN = "Camden and Islington Inclusion Network"
CORNWALL = "Cornwall Rural Schools Network"
BRISTOL = "Bristol Mathematical Reasoning Network"


def artefact(
    network,
    title,
    type_,
    visibility,
    summary,
    *,
    context,
    did,
    worked,
    did_not_work,
    evidence=None,
    steps="",
    notes="",
    themes=(),
    phases=(),
    subjects=(),
    tags=(),
    file=None,
    video=None,
):
    return {
        "network": network,
        "title": title,
        "type": type_,
        "visibility": visibility,
        "summary": summary,
        "context": context,
        "did": did,
        "worked": worked,
        "did_not_work": did_not_work,
        "evidence": evidence,
        "steps": steps,
        "notes": notes,
        "themes": list(themes),
        "phases": list(phases),
        "subjects": list(subjects),
        "tags": list(tags),
        "file": file,
        "video": video,
    }


AFL = "Assessment for learning"
VOICE = "Pupil voice"
LITERACY = "Literacy across the curriculum"
MATHS = "Mathematical reasoning"
TRANSITION = "Transition"
SEND = "Special educational needs and disabilities"
LEADERSHIP = "Leadership for learning"
ENQUIRY = "Enquiry-based professional learning"
EARLY = "Early years"
META = "Metacognition"

ARTEFACTS = [
    # --- Mersey Learning Partnership: feedback instead of marking --------------------------
    artefact(
        MERSEY,
        "Live marking in Year 5 writing",
        "case_study",
        "public",
        "Three schools replaced written marking of extended writing with feedback given at "
        "the desk during the lesson, and tracked what pupils did with it.",
        context="Teachers in all five schools told us that marking a set of books took two to "
        "three hours, and that most pupils read the comments once, if at all. We chose Year 5 "
        "extended writing because it took the longest to mark.",
        did="- Teachers circulated during the independent writing part of the lesson with a "
        "green pen and a class list.\n- Each pupil got one spoken point and one written code "
        "in the margin.\n- The last ten minutes were for acting on the feedback.\n- Once a "
        "fortnight, trios of teachers from different schools looked at the same three books "
        "together.",
        worked="Pupils corrected and improved their writing in the same lesson, while they "
        "still remembered what they meant. Teachers reported getting back about two hours a "
        "week.",
        did_not_work="Margin codes confused younger or less confident readers: several pupils "
        "could not remember what 'VC' or 'P+' meant and were too embarrassed to ask. We "
        "dropped the codes after half a term.\n\nIn classes of 32, teachers reached only about "
        "two thirds of pupils in a lesson. Pupils missed out one week did not always get "
        "priority the next, until we started ticking the class list.",
        evidence=(
            "observation",
            3,
            "Book looks across three schools in November and March "
            "showed more edits made in lessons (from about one in five pieces to three in five). "
            "Teacher time diaries showed an average of 1 hour 50 minutes saved a week.",
        ),
        steps="1. Pick one class and one kind of writing.\n2. Keep a class list on a "
        "clipboard and tick who you have spoken to.\n3. Leave the last ten minutes for "
        "editing.\n4. Look at books with a colleague from another school after three weeks.",
        notes="In Key Stage 1, give the feedback orally only. In larger classes, plan which "
        "half of the class you will reach in each lesson.",
        themes=[AFL],
        phases=["Primary"],
        subjects=["English"],
        tags=["marking", "workload", "writing"],
        file="pdf",
    ),
    artefact(
        MERSEY,
        "Whole-class feedback sheet",
        "tool",
        "public",
        "A one-page sheet for giving a whole class feedback on a piece of work, and why we "
        "now use it only at Key Stage 3.",
        context="After live marking worked in primary classes, our two secondary schools "
        "wanted something for teachers who see 200 pupils a week.",
        did="Teachers read a class set without writing in books and filled in a sheet with "
        "four boxes: what went well, common errors, misconceptions to reteach, and pupils to "
        "see individually. The next lesson started with the sheet.",
        worked="Reteaching common misconceptions at the start of the next lesson was quick "
        "and pupils said it helped them see they were not the only ones making the mistake.",
        did_not_work="In Year 4 and Year 5 the sheet did not work: pupils did not connect the "
        "class-wide points to their own writing, and after a month they stopped reading it. "
        "We now use the sheet only with Key Stage 3 classes.",
        evidence=(
            "staff_survey",
            2,
            "Eleven of fourteen secondary teachers said the sheet "
            "saved time; primary teachers were split.",
        ),
        steps="1. Read the set without writing in books.\n2. Fill in the four boxes.\n3. "
        "Start the next lesson with the misconceptions box.",
        notes="Leave a box for the pupils you will see one to one: without it the sheet "
        "becomes a lecture.",
        themes=[AFL],
        phases=["Secondary"],
        tags=["marking", "feedback"],
        file="docx",
    ),
    artefact(
        MERSEY,
        "Our enquiry into peer feedback in Year 8 science",
        "enquiry_report",
        "members",
        "A two-term enquiry into whether structured peer feedback improves the quality of "
        "pupils' written explanations in science.",
        context="Science teachers in two schools noticed that pupils could carry out practicals "
        "but struggled to explain their results in writing.",
        did="We trained pupils to use a three-question prompt (What did they claim? What is "
        "their evidence? What would make it clearer?) and paired pupils from different "
        "attainment groups.",
        worked="Explanations became longer and more often linked evidence to the claim.",
        did_not_work="Peer feedback from lower-attaining pupils to higher-attaining pupils was "
        "often polite and empty ('good job'). Mixed-attainment pairs needed the teacher to "
        "model feedback every lesson for much longer than we planned: six weeks, not two.",
        evidence=(
            "pupil_outcomes",
            3,
            "Explanations scored against the same rubric rose from "
            "an average of 2.1 to 3.0 out of 5 across 120 pupils.",
        ),
        steps="1. Teach the three questions with a worked example.\n2. Model weak and strong "
        "feedback.\n3. Pair pupils and rotate pairs each half term.",
        themes=[AFL, ENQUIRY],
        phases=["Secondary"],
        subjects=["Science"],
        tags=["peer assessment"],
    ),
    artefact(
        MERSEY,
        "Feedback observation protocol",
        "tool",
        "network",
        "The protocol our trios use when they watch each other give feedback: what to look "
        "for, and the conversation afterwards.",
        context="Trios from different schools observe one another every half term. Early "
        "observations turned into judgements, which nobody wanted.",
        did="We wrote a protocol in which the observer only records what pupils do in the "
        "two minutes after receiving feedback, and the conversation afterwards starts with "
        "the pupils, not the teacher.",
        worked="Teachers said the observations felt safe and useful, and the notes gave us "
        "real examples to share.",
        did_not_work="Two minutes was too short to see pupils act on feedback in practical "
        "subjects; we extended it to five for science and PE.",
        steps="1. Agree the focus class and lesson.\n2. Record only what pupils do after "
        "feedback.\n3. Talk for 20 minutes within a week.",
        themes=[AFL, ENQUIRY],
        tags=["observation", "trios"],
        file="txt",
    ),
    artefact(
        MERSEY,
        "Video: live feedback in a Year 6 maths lesson",
        "video",
        "members",
        "Twelve minutes of a Year 6 lesson showing live feedback during independent practice, "
        "with the teacher's commentary.",
        context="Colleagues kept asking what live feedback looks like in a real classroom.",
        did="We filmed one lesson with parental consent, edited it to the independent "
        "practice section, and recorded the teacher's commentary.",
        worked="It is the most requested thing we have made.",
        did_not_work="Filming changed the lesson: pupils were quieter and the teacher said she "
        "spoke more than usual. We say so at the start of the video.",
        themes=[AFL],
        phases=["Primary"],
        subjects=["Mathematics"],
        tags=["video"],
        video="https://www.youtube.com/watch?v=2e2hYKx6xQE",
    ),
    # --- Pennine Enquiry Network -----------------------------------------------------------
    artefact(
        PENNINE,
        "One enquiry cycle a year across five small schools",
        "case_study",
        "public",
        "How small schools share one enquiry cycle: cross-school trios, one question, and a "
        "write-up that includes what did not change.",
        context="Our schools have between three and seven teachers. None can afford a "
        "research lead, and staff felt isolated.",
        did="- Every teacher joins a trio with teachers from two other schools.\n- Each trio "
        "chooses one question in September.\n- Trios observe each other twice and meet four "
        "times.\n- Every trio writes two pages in June, including what did not change.",
        worked="Teachers said it was the first professional development that felt like their "
        "own. Three trios changed how their schools teach reading.",
        did_not_work="Release time was the hardest part: supply cover fell through on a third "
        "of the observation days in the first year. In the second year, headteachers covered "
        "classes themselves, which worked better but cannot last.\n\nSome questions were too "
        "big ('How do we improve behaviour?') and produced nothing usable.",
        evidence=(
            "staff_survey",
            2,
            "Staff survey: 31 of 35 teachers rated the cycle useful or "
            "very useful; only 12 could point to a change in pupils' work.",
        ),
        steps="1. Form trios across schools in June for September.\n2. Agree questions that "
        "fit on a sticky note.\n3. Book cover for all observation days in advance.",
        notes="With fewer than four schools, pairs work better than trios.",
        themes=[ENQUIRY, LEADERSHIP],
        phases=["Primary"],
        tags=["trios", "small schools"],
        file="pdf",
    ),
    artefact(
        PENNINE,
        "Question sticky-note test",
        "tool",
        "public",
        "A quick test for enquiry questions: if it does not fit on a sticky note and name the "
        "pupils, it is not ready.",
        context="Our first-year questions were too broad to answer.",
        did="Trios now write their question on a sticky note, naming which pupils, what they "
        "will do, and what they expect to change.",
        worked="Questions became answerable within a year.",
        did_not_work="Some trios wrote questions that were too narrow to be interesting "
        "('Does a blue pen help?'). We now add a second test: would another school care?",
        themes=[ENQUIRY],
        tags=["enquiry questions"],
    ),
    artefact(
        PENNINE,
        "Study visit to a Cumbrian cluster",
        "study_visit_report",
        "members",
        "What five of us learned from visiting a cluster of schools in Cumbria that has run "
        "joint enquiry for ten years.",
        context="We wanted to know how a longer-running network keeps enquiry going once the "
        "enthusiasm of the first years fades.",
        did="Five teachers spent two days visiting three schools, observing lessons and "
        "talking to their co-leaders.",
        worked="We copied their 'enquiry market' in June, where trios present to each other "
        "with posters instead of reports.",
        did_not_work="We had hoped to copy their shared budget for cover, but it depends on a "
        "local authority grant we do not have.",
        themes=[ENQUIRY, LEADERSHIP],
        tags=["study visit"],
        file="docx",
    ),
    artefact(
        PENNINE,
        "Learning from our 2023 peer review",
        "review_learning",
        "network",
        "What a peer review by another network told us about our enquiry cycle, and what we "
        "changed.",
        context="In 2023 we asked a network from the West Midlands to review how well our "
        "enquiry cycle reaches classroom practice.",
        did="The reviewers interviewed twelve teachers, observed six lessons and read our "
        "write-ups.",
        worked="The reviewers showed us that our best write-ups came from trios that had "
        "looked at pupils' work together.",
        did_not_work="Our headteachers were defensive in the feedback meeting, and it took a "
        "term before we acted on the recommendations. Next time we will agree with heads in "
        "advance how we will respond.",
        themes=[ENQUIRY, LEADERSHIP],
        tags=["peer review"],
    ),
    artefact(
        PENNINE,
        "Reading fluency enquiry in mixed Year 3 and 4 classes",
        "enquiry_report",
        "public",
        "A trio's enquiry into repeated reading for pupils who decode accurately but slowly.",
        context="In three small schools, a group of pupils in mixed Year 3 and 4 classes could "
        "decode but read so slowly that they lost the meaning.",
        did="Pupils read the same short passage three times a week with a partner, timing "
        "themselves, for eight weeks.",
        worked="Reading speed rose for almost every pupil, and several said they enjoyed "
        "reading aloud for the first time.",
        did_not_work="Comprehension did not improve as much as speed. Some pupils raced "
        "through to beat their time and stopped thinking about meaning; adding one question "
        "after each reading helped.",
        evidence=(
            "pupil_outcomes",
            3,
            "Words correct per minute rose by a median of 24 for "
            "19 pupils; comprehension scores rose for 11 of them.",
        ),
        steps="1. Choose passages at the pupil's instructional level.\n2. Read three times a "
        "week with a partner.\n3. Ask one question about meaning after each reading.",
        themes=[ENQUIRY, LITERACY],
        phases=["Primary"],
        subjects=["English"],
        tags=["reading fluency"],
        file="pdf",
    ),
    # --- Black Country Transition Collaborative ---------------------------------------------
    artefact(
        BLACK_COUNTRY,
        "Bridging unit: 'Our Black Country'",
        "teaching_resource",
        "public",
        "A six-lesson history and English unit started in Year 6 and finished in Year 7, so "
        "that pupils arrive at secondary school with work to continue.",
        context="Pupils from our nine primaries go to three secondary schools. Too many said "
        "Year 7 felt like starting again.",
        did="Primary and secondary teachers wrote the unit together. Pupils start it in July "
        "and bring their folders to their new school in September.",
        worked="Secondary teachers said the folders told them more than the transfer data did.",
        did_not_work="About a quarter of folders never arrived: pupils lost them over the "
        "summer or left them at home. We now send a copy of each folder in the transfer "
        "post.\n\nOne secondary school could not timetable the September lessons and the unit "
        "stopped there.",
        evidence=(
            "pupil_voice",
            2,
            "Year 7 pupil survey: 64% said the unit helped them feel "
            "ready, compared with 41% of the year before.",
        ),
        steps="1. Write the unit with teachers from both phases.\n2. Teach lessons 1 to 3 in "
        "July.\n3. Post the folders.\n4. Teach lessons 4 to 6 in the first fortnight.",
        themes=[TRANSITION],
        phases=["Primary", "Secondary"],
        subjects=["History", "English"],
        tags=["bridging unit"],
        file="docx",
    ),
    artefact(
        BLACK_COUNTRY,
        "Teaching each other's classes",
        "case_study",
        "members",
        "Primary and secondary teachers swapped classes for a day each term. What we learned "
        "about each other's expectations.",
        context="Secondary teachers underestimated what Year 6 pupils could do; primary "
        "teachers did not know what Year 7 would ask of them.",
        did="Pairs of teachers swapped for one day a term and planned the lessons together.",
        worked="Secondary English teachers raised their expectations of Year 7 writing after "
        "seeing Year 6 books.",
        did_not_work="Swaps in the summer term clashed with tests and trips: three of eight "
        "were cancelled. We now swap in the autumn and spring only.",
        themes=[TRANSITION, LEADERSHIP],
        phases=["Primary", "Secondary"],
        tags=["class swap"],
    ),
    artefact(
        BLACK_COUNTRY,
        "What the move felt like: pupil interviews",
        "enquiry_report",
        "network",
        "Year 7 pupils interviewed by trained Year 9 pupils about their first term, and what "
        "we changed as a result.",
        context="Our transition surveys asked adults' questions. We wanted to hear pupils.",
        did="Twelve Year 9 pupils were trained to interview Year 7 pupils in small groups in "
        "November.",
        worked="Pupils talked far more openly to older pupils than to staff. Lunchtimes and "
        "getting lost were the biggest worries, not lessons.",
        did_not_work="Our first interview questions were leading ('Did you feel welcome?'). "
        "The answers were too positive to be useful until the Year 9 interviewers rewrote the "
        "questions themselves.",
        evidence=("pupil_voice", 3, "Interviews with 84 Year 7 pupils in three schools."),
        themes=[TRANSITION, VOICE],
        phases=["Secondary"],
        tags=["pupil interviews"],
        file="txt",
    ),
    artefact(
        BLACK_COUNTRY,
        "Transition maths diagnostic",
        "tool",
        "public",
        "Ten questions that secondary maths teachers use in the first week, agreed with the "
        "primary teachers so they test what was taught.",
        context="Year 7 maths started with a baseline test written without primary input; "
        "pupils failed questions on content they had not met.",
        did="Primary and secondary maths leads chose ten questions from the Year 6 "
        "curriculum together.",
        worked="Teachers used the results to group pupils sensibly in the first half term.",
        did_not_work="We hoped pupils would find the test reassuring, but some still found any "
        "test in week one stressful. We now call it a 'warm-up' and mark it together in "
        "class.",
        themes=[TRANSITION, MATHS],
        phases=["Secondary"],
        subjects=["Mathematics"],
        tags=["diagnostic"],
        file="pdf",
    ),
    artefact(
        BLACK_COUNTRY,
        "Study visit to Sandwell's transition hub",
        "study_visit_report",
        "members",
        "Four of us visited a secondary school that runs a 'transition hub' for vulnerable "
        "Year 6 pupils.",
        context="We wanted a better offer for pupils who find change hardest.",
        did="We spent a day in the hub, met the pastoral lead and talked to Year 7 pupils who "
        "had used it.",
        worked="We adopted their photo booklets of the new school for pupils with SEND.",
        did_not_work="Their hub has a full-time member of staff. We tried to run a similar "
        "offer with a teacher for one afternoon a week and it was too thin to make a "
        "difference.",
        themes=[TRANSITION, SEND],
        tags=["study visit", "vulnerable pupils"],
    ),
    # --- Birmingham Pupil Voice Network -----------------------------------------------------
    artefact(
        BIRMINGHAM,
        "Training pupil researchers",
        "teaching_resource",
        "public",
        "Six short sessions that prepare Year 5 and Year 6 pupils to observe lessons in "
        "another school and report what helps them learn.",
        context="We wanted pupils to be researchers, not just survey respondents.",
        did="Pupils learned to write neutral notes, to tell what they saw from what they "
        "thought, and to ask follow-up questions.",
        worked="Pupils' reports were specific and surprisingly kind to teachers.",
        did_not_work="Pupils chose mostly confident classmates as researchers. We now ask "
        "teachers to make sure at least half are pupils who rarely speak up.",
        evidence=("observation", 2, "Reports from 24 pupil researchers in six schools."),
        steps="1. Teach the difference between noticing and judging.\n2. Practise on a "
        "video.\n3. Observe in pairs in another school.\n4. Report to the teacher first.",
        themes=[VOICE],
        phases=["Primary"],
        tags=["pupil researchers"],
        file="pdf",
    ),
    artefact(
        BIRMINGHAM,
        "Redesigning a lesson sequence with pupils' findings",
        "case_study",
        "public",
        "A Year 4 science unit redesigned around what pupil researchers reported.",
        context="Pupil researchers said science lessons were 'mostly copying the method'.",
        did="The class teacher and four pupil researchers redesigned the unit on forces so "
        "pupils planned their own fair tests.",
        worked="Pupils planned tests and argued about variables with real interest.",
        did_not_work="The redesigned unit took five weeks instead of three, and the teacher "
        "had to cut the next unit short. We underestimated how long pupil planning takes.",
        themes=[VOICE, META],
        phases=["Primary"],
        subjects=["Science"],
        tags=["co-design"],
    ),
    artefact(
        BIRMINGHAM,
        "Pupil voice without the usual suspects",
        "enquiry_report",
        "network",
        "An enquiry into whose voices our school councils hear, and what we changed.",
        context="Our school councils were dominated by the same confident pupils.",
        did="We compared council members with the whole school on attendance, SEND and "
        "free school meals, and tried random selection for one year.",
        worked="Randomly selected councils included far more pupils who had never been asked "
        "their opinion.",
        did_not_work="Some randomly chosen pupils did not want to be on the council and "
        "stopped coming; we now let pupils opt out after a trial meeting.",
        evidence=("other", 3, "Membership data from five schools over two years."),
        themes=[VOICE, LEADERSHIP],
        tags=["school council"],
    ),
    artefact(
        BIRMINGHAM,
        "Metacognition prompts card",
        "tool",
        "members",
        "A card of planning, monitoring and evaluating prompts that pupils keep on their desks.",
        context="Pupil researchers said they rarely knew how they were doing until the end of "
        "a task.",
        did="We made a card with three questions for before, during and after a task.",
        worked="Pupils used the 'during' question most, especially in maths.",
        did_not_work="After a month the cards became wallpaper. Teachers now model one "
        "prompt at the start of each lesson; without that the cards are ignored.",
        themes=[META],
        phases=["Primary"],
        tags=["metacognition"],
        file="docx",
    ),
    artefact(
        BIRMINGHAM,
        "Learning from a peer review of our pupil voice work",
        "review_learning",
        "members",
        "What reviewers from Cornwall told us about tokenism in our pupil voice work.",
        context="We asked another network to check whether pupils' findings really changed "
        "teaching.",
        did="Reviewers followed three pupil findings from report to classroom.",
        worked="Two of the three findings had changed lessons in every school.",
        did_not_work="The third had been 'noted' and nothing more. Reviewers pointed out that "
        "nobody told the pupils what happened to their findings. We now report back to "
        "pupil researchers within a month.",
        themes=[VOICE],
        tags=["peer review"],
    ),
    # --- Thames Gateway Literacy Network ----------------------------------------------------
    artefact(
        THAMES,
        "Talk before writing in geography",
        "case_study",
        "public",
        "Year 8 geography lessons that start with structured talk so pupils who speak English "
        "as an additional language rehearse the language of explanation.",
        context="Many of our pupils speak English as an additional language. Geography "
        "explanations were short and used everyday words.",
        did="Every extended writing task started with ten minutes of paired talk using "
        "sentence stems ('This happens because...', 'As a result...').",
        worked="Written explanations used more subject vocabulary and more causal connectives.",
        did_not_work="Pupils new to English in the early stages could not use the stems in "
        "talk yet, and needed visuals and a home-language partner first. The approach helps "
        "developing speakers most.",
        evidence=(
            "pupil_outcomes",
            3,
            "Causal connectives per explanation rose from 1.2 to 2.6 across four classes.",
        ),
        steps="1. Choose three stems for the explanation.\n2. Model a spoken answer.\n3. "
        "Pairs rehearse aloud.\n4. Then write.",
        themes=[LITERACY],
        phases=["Secondary"],
        subjects=["Geography"],
        tags=["EAL", "oracy"],
        file="pdf",
    ),
    artefact(
        THAMES,
        "Vocabulary lists for every subject",
        "teaching_resource",
        "members",
        "Tier 3 vocabulary lists for Year 7 in eight subjects, with pronunciation guides and "
        "example sentences.",
        context="Subject teachers asked for help teaching the words their subjects need.",
        did="Each department chose 20 words per term and wrote an example sentence for each.",
        worked="Departments talked to each other about shared words such as 'evaluate'.",
        did_not_work="The lists were too long: 20 words a term in eight subjects is 160 new "
        "words. We cut to ten per subject, chosen together.",
        themes=[LITERACY],
        phases=["Secondary"],
        subjects=["Across the curriculum"],
        tags=["vocabulary"],
        file="docx",
    ),
    artefact(
        THAMES,
        "Oral language in Reception",
        "enquiry_report",
        "public",
        "An enquiry into small-group talk sessions for Reception children with limited "
        "spoken English.",
        context="A third of children in our Reception classes started with limited spoken English.",
        did="Trained teaching assistants ran three 15-minute talk sessions a week for groups "
        "of three children, using picture books.",
        worked="Children in the groups used longer sentences and more describing words.",
        did_not_work="Sessions were often cancelled when assistants were needed elsewhere. "
        "Where the sessions were protected on the timetable, they worked; where they were "
        "not, they faded out.",
        evidence=("observation", 2, "Language samples from 36 children in autumn and spring."),
        themes=[LITERACY, EARLY],
        phases=["Early years"],
        subjects=["Early reading and phonics"],
        tags=["oracy", "EAL"],
    ),
    artefact(
        THAMES,
        "Reading in science: a lesson study",
        "enquiry_report",
        "network",
        "Three cycles of lesson study on teaching Year 9 pupils to read science texts.",
        context="Pupils skipped the reading in science and waited for the teacher to explain.",
        did="Teachers planned, taught and observed a reading lesson three times, changing "
        "one thing each time.",
        worked="Reading the text aloud once before discussing it helped most pupils.",
        did_not_work="Our first version asked pupils to annotate independently and most did "
        "not know what to write. We over-estimated how much pupils could do without "
        "modelling.",
        themes=[LITERACY, ENQUIRY],
        phases=["Secondary"],
        subjects=["Science"],
        tags=["lesson study", "disciplinary reading"],
    ),
    artefact(
        THAMES,
        "Study visit: a Newham school's literacy leads",
        "study_visit_report",
        "members",
        "What we learned from a school where every department has a literacy lead.",
        context="We wanted to see whole-school literacy working in a school like ours.",
        did="Six teachers visited for a day and met literacy leads from four departments.",
        worked="Their weekly ten-minute literacy slot in department meetings is now in all "
        "our secondaries.",
        did_not_work="Their literacy leads have a time allowance. Ours do not, and two of our "
        "leads gave up within a term.",
        themes=[LITERACY, LEADERSHIP],
        tags=["study visit"],
    ),
    # --- Camden and Islington Inclusion Network (forming) ----------------------------------
    artefact(
        CAMDEN,
        "Shared specialist afternoon",
        "case_study",
        "network",
        "Mainstream teachers spend an afternoon in the special school's classes, and what "
        "they took back.",
        context="Mainstream teachers asked for practical ideas for pupils with autism.",
        did="Pairs of mainstream teachers observed and taught alongside specialist staff.",
        worked="Visual timetables and calm transitions were adopted in three mainstream classes.",
        did_not_work="One afternoon was not enough to learn how to adapt the ideas to a class "
        "of 30; teachers wanted a follow-up visit to their own classroom.",
        themes=[SEND],
        phases=["Special", "Primary"],
        tags=["autism"],
    ),
    artefact(
        CAMDEN,
        "Visual timetable templates",
        "tool",
        "public",
        "Editable visual timetable templates tested in mainstream and special classes.",
        context="Teachers were making visual timetables from scratch.",
        did="We collected the best templates and tested them in six classes.",
        worked="Pupils with SEND and many others used them to anticipate changes.",
        did_not_work="Laminated cards got lost. A fixed strip with velcro worked better.",
        themes=[SEND],
        phases=["Primary"],
        tags=["visual timetable"],
        file="docx",
    ),
    artefact(
        CAMDEN,
        "Our first term as a network",
        "review_learning",
        "members",
        "What we learned about starting a network between special and mainstream schools.",
        context="We are still forming and looking for a second co-leader.",
        did="We met monthly and agreed one shared question.",
        worked="Having the special school host meetings helped mainstream staff see it as a "
        "source of expertise.",
        did_not_work="We tried to do too much in the first term and two schools stopped "
        "coming to meetings.",
        themes=[SEND, LEADERSHIP],
        tags=["starting a network"],
    ),
    # --- Cornwall Rural Schools Network -----------------------------------------------------
    artefact(
        CORNWALL,
        "Planning together across three-class schools",
        "case_study",
        "public",
        "Teachers in small rural schools plan mixed-age units together online every fortnight.",
        context="In a three-class school, a teacher may be the only one teaching their age range.",
        did="Teachers from six schools meet online every other Tuesday to plan one unit together.",
        worked="Teachers said planning together cut their planning time and improved the units.",
        did_not_work="Broadband in two schools was too poor for video calls; those teachers "
        "dialled in by phone and felt left out. We now share the plan a day before.",
        themes=[LEADERSHIP, META],
        phases=["Primary"],
        tags=["rural schools", "planning"],
        file="pdf",
    ),
    artefact(
        CORNWALL,
        "Self-checking stations in mixed-age maths",
        "teaching_resource",
        "public",
        "Answer and method cards that let pupils in mixed-age classes check their own work "
        "while the teacher works with another year group.",
        context="Pupils waited for the teacher while she taught another year group.",
        did="We made stations with worked examples and answers for each task.",
        worked="Pupils corrected their own errors and waited less.",
        did_not_work="Some pupils copied answers without checking methods. Showing only the "
        "method for the first attempt, and the answer after, fixed most of this.",
        evidence=("observation", 2, "Waiting time observed in four classes fell by about half."),
        themes=[META],
        phases=["Primary"],
        subjects=["Mathematics"],
        tags=["mixed-age"],
        file="docx",
    ),
    artefact(
        CORNWALL,
        "Pupils planning their own learning in mixed-age classes",
        "enquiry_report",
        "members",
        "An enquiry into planning sheets that pupils fill in at the start of each unit.",
        context="Our shared challenge: helping pupils in mixed-age classes plan and check their "
        "own learning.",
        did="Pupils wrote what they already knew, what they wanted to find out, and how they "
        "would know they had learned it.",
        worked="Older pupils set useful goals and checked them.",
        did_not_work="Younger pupils wrote goals they could not check ('be good at maths'). "
        "They needed goals chosen from a short list.",
        themes=[META],
        phases=["Primary"],
        tags=["planning sheets"],
    ),
    artefact(
        CORNWALL,
        "Study visit to a Welsh rural network",
        "study_visit_report",
        "network",
        "What we learned from rural schools in Powys that share teachers.",
        context="We wanted ideas for sharing specialist teaching between small schools.",
        did="Four headteachers visited three schools over two days.",
        worked="We now share a music teacher across three schools.",
        did_not_work="Their shared timetabling depends on schools being ten minutes apart; "
        "ours are thirty, and the travel time made it impractical for more than one subject.",
        themes=[LEADERSHIP],
        tags=["study visit", "rural schools"],
    ),
    artefact(
        CORNWALL,
        "Video: a mixed-age maths lesson",
        "video",
        "public",
        "A Year 3 to 6 maths lesson showing the self-checking stations in use.",
        context="Teachers asked how one teacher runs four year groups at once.",
        did="We filmed one lesson, with consent, and added captions.",
        worked="Teachers from other networks have used it in staff meetings.",
        did_not_work="The sound quality is poor in the group work section: we should have "
        "used a lapel microphone.",
        themes=[META],
        phases=["Primary"],
        subjects=["Mathematics"],
        tags=["video"],
        video="https://vimeo.com/76979871",
    ),
    # --- Bristol Mathematical Reasoning Network (closed) ------------------------------------
    artefact(
        BRISTOL,
        "Four years of lesson study on reasoning",
        "case_study",
        "public",
        "The final report of a four-year lesson study network on reasoning in mathematics.",
        context="Eight schools wanted pupils to explain and justify, not just answer.",
        did="Each year, teams ran three lesson study cycles on one aspect of reasoning.",
        worked="Pupils' written reasoning improved most where teams studied the same lesson "
        "more than once.",
        did_not_work="Lesson study was hard to keep going when teachers moved schools: we lost "
        "two experienced teams in year three. We should have trained a second lead in every "
        "school.",
        evidence=(
            "pupil_outcomes",
            4,
            "Reasoning tasks scored against a shared rubric in all "
            "eight schools for three years, with a comparison group of four schools.",
        ),
        steps="1. Choose one research lesson.\n2. Plan it as a team.\n3. Teach and observe "
        "pupils, not the teacher.\n4. Revise and teach again.",
        themes=[MATHS, ENQUIRY],
        phases=["Primary"],
        subjects=["Mathematics"],
        tags=["lesson study", "reasoning"],
        file="pdf",
    ),
    artefact(
        BRISTOL,
        "Reasoning sentence stems",
        "tool",
        "public",
        "Sentence stems for mathematical reasoning, tested in Years 2 to 6.",
        context="Pupils had the ideas but not the words to explain them.",
        did="We tested stems such as 'I know ... because ...' and 'This is always true "
        "because ...'.",
        worked="Stems helped pupils start explanations.",
        did_not_work="Some pupils used stems as a formula and stopped thinking; 'because' "
        "followed by a restatement was common. Teachers had to model good and poor "
        "explanations side by side.",
        themes=[MATHS],
        phases=["Primary"],
        subjects=["Mathematics"],
        tags=["sentence stems"],
        file="docx",
    ),
    artefact(
        BRISTOL,
        "Always, sometimes, never: a task collection",
        "teaching_resource",
        "members",
        "Forty 'always, sometimes, never' statements for reasoning in Key Stage 2.",
        context="We needed tasks that made pupils justify, not just calculate.",
        did="Teachers wrote and trialled statements in their classes.",
        worked="The statements sparked argument and justification.",
        did_not_work="Statements that were 'never' true were too easy to dismiss with one "
        "counterexample; the best tasks were 'sometimes'.",
        themes=[MATHS],
        phases=["Primary"],
        subjects=["Mathematics"],
        tags=["tasks"],
        file="txt",
    ),
    artefact(
        BRISTOL,
        "Learning from our final review",
        "review_learning",
        "public",
        "What an external review found when our network closed.",
        context="Before closing, we asked the national broker to review what we had learned.",
        did="The reviewer interviewed co-leaders, observed lessons and read four years of reports.",
        worked="The review confirmed lasting changes in five of eight schools.",
        did_not_work="In three schools the changes disappeared when the lead teacher left. A "
        "network's learning needs more than one person in each school.",
        themes=[MATHS, LEADERSHIP],
        tags=["review", "sustainability"],
    ),
    artefact(
        BRISTOL,
        "Enquiry into reasoning in Year 2",
        "enquiry_report",
        "network",
        "A small enquiry into reasoning talk with Year 2 pupils.",
        context="Reasoning work had focused on Key Stage 2.",
        did="Two teachers used talk partners and concrete objects for reasoning tasks.",
        worked="Pupils explained with objects before they could in words.",
        did_not_work="Recording reasoning in writing was beyond most Year 2 pupils; we should "
        "have accepted photos and spoken recordings as evidence.",
        themes=[MATHS],
        phases=["Primary"],
        subjects=["Mathematics"],
        tags=["key stage 1"],
    ),
]

# Artefacts in moderation for the demo logins (teacher@ writes in the Mersey network).
IN_MODERATION = [
    artefact(
        MERSEY,
        "Exit tickets that change tomorrow's lesson",
        "tool",
        "public",
        "Three-question exit tickets, and how we sort them in five minutes after the lesson.",
        context="Exit tickets piled up unread on teachers' desks.",
        did="We limited tickets to three questions and sorted them into three piles.",
        worked="Teachers used the piles to plan the first ten minutes of the next lesson.",
        did_not_work="Open questions took too long to sort; multiple choice with one "
        "explanation worked better.",
        themes=[AFL],
        phases=["Secondary"],
        tags=["exit tickets"],
    ),
    artefact(
        MERSEY,
        "Peer observation without judgement",
        "case_study",
        "network",
        "How our trios learned to observe pupils rather than teachers.",
        context="Early observations felt like inspections.",
        did="Observers recorded only what pupils did after feedback.",
        worked="Teachers asked for more observations, not fewer.",
        did_not_work="Our first notes still slipped into judging the teacher.",
        themes=[AFL, ENQUIRY],
        tags=["observation"],
    ),
]

# Adaptations across networks: (original's network, original's title, adapting network, title,
# summary, what we changed and why). Each starts through artefacts.services.adapt_artefact and is then
# submitted and approved as any artefact is.
ADAPTATIONS = [
    (
        MERSEY,
        "Live marking in Year 5 writing",
        THAMES,
        "Live marking in Year 7 English",
        "Two secondary schools tried Mersey's live marking with Year 7 extended writing.",
        "We used Mersey's routine with Year 7 in English rather than Year 5. Extended answers "
        "are longer at secondary, so editing time went from ten minutes to fifteen, and we "
        "dropped the margin codes: our pupils found a spoken comment and one written word "
        "enough.",
    ),
    (
        PENNINE,
        "Question sticky-note test",
        CORNWALL,
        "Sticky-note test for mixed-age classes",
        "The sticky-note test, with a question for each year group in the same room.",
        "Our classes span three year groups, so each pupil answers the question pitched at their "
        "own year, on a different colour of note. We sort them by colour first, then by "
        "misconception.",
    ),
    (
        BRISTOL,
        "Reasoning sentence stems",
        BLACK_COUNTRY,
        "Reasoning stems across the move to Year 7",
        "The same reasoning stems in the last term of primary and the first of secondary.",
        "We used the same stems in Year 6 and Year 7, so pupils meet them on both sides of the "
        "move to secondary school, and added two stems for disagreeing politely.",
    ),
]

# “We tried this” responses: (artefact's network, artefact's title, trier's network, outcome,
# where and with whom, what happened). The trier is a member of their network who is not one
# of the artefact's authors.
TRIALS = [
    (
        MERSEY,
        "Live marking in Year 5 writing",
        PENNINE,
        "worked",
        "Year 5 and 6 in two small village schools, for a term.",
        "Pupils fixed their mistakes in the lesson instead of ignoring comments in their books. "
        "Marking time at home fell by about two hours a week.",
    ),
    (
        MERSEY,
        "Live marking in Year 5 writing",
        BIRMINGHAM,
        "partly",
        "One Year 4 class, over six weeks.",
        "It worked for confident writers. Pupils who struggled to read their own work needed an "
        "adult beside them, so we paired live marking with a teaching assistant's group.",
    ),
    (
        MERSEY,
        "Live marking in Year 5 writing",
        CORNWALL,
        "did_not_work",
        "A mixed Year 3 to 6 class of 28, for half a term.",
        "With four year groups in one room we could not reach enough pupils during the lesson. "
        "We went back to written marking for the older pupils and kept live marking for Year 3.",
    ),
    (
        PENNINE,
        "Question sticky-note test",
        MERSEY,
        "worked",
        "Year 8 science, three classes.",
        "Quick to run and the notes told us more than a quiz. We now use it every other lesson.",
    ),
    (
        CAMDEN,
        "Visual timetable templates",
        THAMES,
        "worked",
        "A Reception class with three pupils who find transitions hard.",
        "Fewer upsets at the start of the day within two weeks. We laminated the cards and "
        "added photographs of our own rooms.",
    ),
    (
        CAMDEN,
        "Visual timetable templates",
        BLACK_COUNTRY,
        "partly",
        "Year 7 form groups in the first term at secondary school.",
        "Useful for the pupils who needed it; the rest of the form found a whole-class "
        "timetable childish, so we moved to individual cards.",
    ),
    (
        BRISTOL,
        "Reasoning sentence stems",
        MERSEY,
        "partly",
        "Year 6 maths, two classes, for a term.",
        "Pupils used the stems when the teacher prompted them, but rarely on their own. Putting "
        "them on the table mats helped more than the wall display.",
    ),
    (
        BIRMINGHAM,
        "Training pupil researchers",
        CORNWALL,
        "worked",
        "Eight Year 5 and 6 pupils from three small schools, meeting online.",
        "The pupil researchers interviewed younger pupils in each other's schools. Their "
        "findings changed how we run our shared topic days.",
    ),
]
