"""The lexicon of job titles: role words with their level on the ladder, modifiers that
change it, function words with their weight, and the small tables title inference reads
(see docs/titles.md). Pure data; `LEXICON` maps a lower-case phrase to its Word.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nextmove.domain import title_languages

ROLE = "role"  # a head noun with a level: manager, director, engineer, ceo
MODIFIER = "modifier"  # changes the level of the role it goes with: associate, lead, staff
SENIOR = "senior"  # one step up the ladder from the role
NOISE = "noise"  # marks a segment as not a title: hiring, open to work
PAST = "past"  # what follows is not the current role: ex, former
WORD = "word"  # function evidence only: marketing, software, legal


@dataclass(frozen=True, slots=True)
class Word:
    kind: str
    level: int | None = None  # for roles: the base level; for modifiers: the level alone
    level_confidence: float = 0.0
    function: str | None = None
    weight: float = 0.0  # how strongly it signals `function`
    effect: str = ""  # for modifiers: how it changes the role it goes with
    tag: str = ""  # what kind of role beyond level and function (TAGS): board, recruiter, …


def _role(level: int | None, conf: float, function: str | None = None, weight: float = 0.0) -> Word:
    return Word(ROLE, level, conf, function, weight)


def _mod(effect: str, level: int | None, conf: float, function: str | None = None) -> Word:
    return Word(MODIFIER, level, conf, function, 0.5 if function else 0.0, effect)


def _word(function: str, weight: float) -> Word:
    return Word(WORD, None, 0.0, function, weight)


# Roles: (phrase, level, level confidence, function, function weight). Levels are ranks on
# the ladder (docs/levels.md): 0 intern, 1 entry, 2 mid, 3 senior, 4 lead, 5 manager,
# 6 senior manager, 7 director, 8 senior director, 9 vp, 10 svp, 11 c-level.
_ROLES: list[tuple[str, int | None, float, str | None, float]] = [
    # C-level and owners
    ("ceo", 11, 0.92, "executive", 0.9),
    ("chief executive", 11, 0.9, "executive", 0.9),
    ("cto", 11, 0.9, "engineering", 0.85),
    ("cfo", 11, 0.92, "finance", 0.95),
    ("coo", 11, 0.9, "operations", 0.8),
    ("cmo", 11, 0.9, "marketing", 0.95),
    ("cpo", 11, 0.85, "product", 0.5),
    ("chro", 11, 0.9, "people", 0.95),
    ("cio", 11, 0.85, "it", 0.85),
    ("ciso", 11, 0.85, "it", 0.9),
    ("cdo", 11, 0.8, "data", 0.45),
    ("cro", 11, 0.8, "sales", 0.5),
    ("cso", 11, 0.75, None, 0.0),
    ("cco", 11, 0.75, None, 0.0),
    ("clo", 11, 0.75, "legal", 0.5),
    ("cao", 11, 0.75, None, 0.0),
    ("cxo", 11, 0.8, "executive", 0.6),
    ("president", 11, 0.85, "executive", 0.7),
    ("founder", 11, 0.85, "executive", 0.5),
    ("cofounder", 11, 0.85, "executive", 0.5),
    ("co founder", 11, 0.85, "executive", 0.5),
    ("founding partner", 11, 0.8, None, 0.0),
    ("managing partner", 11, 0.8, "executive", 0.4),
    ("general partner", 11, 0.75, "finance", 0.7),
    ("equity partner", 10, 0.6, None, 0.0),
    ("venture partner", 9, 0.5, "finance", 0.8),
    ("associate partner", 8, 0.55, None, 0.0),
    ("business owner", 11, 0.6, "executive", 0.6),
    ("owner operator", 11, 0.55, "executive", 0.5),
    ("chairman", 11, 0.8, "executive", 0.7),
    ("chairwoman", 11, 0.8, "executive", 0.7),
    ("chairperson", 11, 0.7, "executive", 0.6),
    ("executive chairman", 11, 0.85, "executive", 0.8),
    ("vice chairman", 10, 0.7, "executive", 0.6),
    ("vice chair", 10, 0.6, "executive", 0.5),
    ("board member", 11, 0.45, "executive", 0.5),
    ("board of directors", 11, 0.45, "executive", 0.5),
    ("board director", 11, 0.45, "executive", 0.5),
    ("member of the board", 11, 0.45, "executive", 0.5),
    ("ned", 11, 0.45, "executive", 0.5),
    ("non executive director", 11, 0.45, "executive", 0.5),
    ("advisory board member", None, 0.0, None, 0.0),
    ("board advisor", None, 0.0, None, 0.0),
    ("independent director", 11, 0.5, "executive", 0.6),
    ("independent non executive director", 11, 0.5, "executive", 0.6),
    ("non executive chairman", 11, 0.7, "executive", 0.7),
    ("non executive chair", 11, 0.7, "executive", 0.7),
    ("chair of the board", 11, 0.75, "executive", 0.7),
    ("chairman of the board", 11, 0.8, "executive", 0.7),
    ("board chair", 11, 0.75, "executive", 0.7),
    ("trustee", None, 0.0, None, 0.0),
    ("operating partner", 10, 0.5, None, 0.0),
    ("executive partner", 10, 0.5, None, 0.0),
    ("executive in residence", None, 0.0, None, 0.0),
    ("entrepreneur in residence", None, 0.0, None, 0.0),
    ("angel investor", None, 0.0, "finance", 0.8),
    ("limited partner", None, 0.0, "finance", 0.8),
    ("headhunter", 2, 0.5, "people", 0.9),
    ("entrepreneur", 11, 0.35, "executive", 0.4),
    ("directeur général", 11, 0.7, "executive", 0.8),
    ("directeur general", 11, 0.7, "executive", 0.8),
    ("director general", 11, 0.6, "executive", 0.6),
    ("geschäftsführer", 11, 0.6, "executive", 0.6),
    ("geschaftsfuhrer", 11, 0.6, "executive", 0.6),
    ("chief of staff", 7, 0.5, "executive", 0.9),
    # vice presidents
    ("vp", 9, 0.9, None, 0.0),
    ("vice president", 9, 0.9, None, 0.0),
    ("svp", 10, 0.9, None, 0.0),
    ("evp", 10, 0.9, None, 0.0),
    ("executive vice president", 10, 0.9, None, 0.0),
    ("avp", 7, 0.6, None, 0.0),
    ("assistant vice president", 7, 0.6, None, 0.0),
    ("associate vice president", 7, 0.6, None, 0.0),
    ("general manager", 9, 0.7, "executive", 0.7),
    ("managing director", 10, 0.55, "executive", 0.4),
    ("md", 10, 0.45, None, 0.0),
    # directors, heads, managers
    ("director", 7, 0.85, None, 0.0),
    ("directeur", 7, 0.7, None, 0.0),
    ("executive director", 8, 0.75, None, 0.0),
    ("group director", 8, 0.6, None, 0.0),
    ("associate director", 6, 0.8, None, 0.0),
    ("assistant director", 6, 0.75, None, 0.0),
    ("head of", 7, 0.7, None, 0.0),
    ("manager", 5, 0.75, None, 0.0),
    ("senior manager", 6, 0.85, None, 0.0),
    ("assistant manager", 3, 0.55, None, 0.0),
    ("associate manager", 4, 0.5, None, 0.0),
    ("people manager", 5, 0.7, None, 0.0),
    ("store manager", 5, 0.7, "sales", 0.5),
    ("supervisor", 4, 0.55, None, 0.0),
    ("foreman", 4, 0.55, None, 0.0),
    ("superintendent", 5, 0.45, None, 0.0),
    ("team lead", 4, 0.75, None, 0.0),
    ("team leader", 4, 0.75, None, 0.0),
    ("tech lead", 4, 0.8, "engineering", 0.8),
    ("technical lead", 4, 0.8, "engineering", 0.6),
    ("leader", 4, 0.5, None, 0.0),
    # managers that are individual contributors
    ("product manager", 2, 0.7, "product", 0.95),
    ("group product manager", 4, 0.75, "product", 0.95),
    ("associate product manager", 1, 0.75, "product", 0.95),
    ("product owner", 2, 0.65, "product", 0.95),
    ("product marketing manager", 2, 0.65, "marketing", 0.95),
    ("project manager", 2, 0.65, "operations", 0.7),
    ("program manager", 2, 0.65, "operations", 0.7),
    ("technical program manager", 2, 0.65, "operations", 0.7),
    ("account manager", 2, 0.65, "sales", 0.85),
    ("key account manager", 2, 0.65, "sales", 0.9),
    ("brand manager", 2, 0.6, "marketing", 0.9),
    ("community manager", 2, 0.6, "marketing", 0.7),
    ("social media manager", 2, 0.6, "marketing", 0.9),
    ("content manager", 2, 0.6, "marketing", 0.7),
    ("customer success manager", 2, 0.65, "customer-success", 0.95),
    ("relationship manager", 2, 0.6, "sales", 0.6),
    ("territory manager", 2, 0.6, "sales", 0.9),
    ("partner manager", 2, 0.6, "sales", 0.7),
    ("case manager", 2, 0.55, "healthcare", 0.4),
    ("office manager", 2, 0.55, "operations", 0.8),
    ("portfolio manager", 3, 0.5, "finance", 0.8),
    ("business partner", 3, 0.5, None, 0.0),
    ("hr business partner", 3, 0.5, "people", 0.95),
    ("human resources business partner", 3, 0.5, "people", 0.95),
    ("people partner", None, 0.0, "people", 0.9),
    ("talent partner", None, 0.0, "people", 0.9),
    ("process owner", 3, 0.5, "operations", 0.6),
    # individual contributors
    ("engineer", 2, 0.65, "engineering", 0.6),
    ("developer", 2, 0.65, "engineering", 0.85),
    ("programmer", 2, 0.65, "engineering", 0.9),
    ("member of technical staff", 2, 0.6, "engineering", 0.9),
    ("architect", 3, 0.45, None, 0.0),
    ("designer", 2, 0.65, "design", 0.85),
    ("researcher", 2, 0.55, "research", 0.7),
    ("scientist", 2, 0.6, "research", 0.6),
    ("data scientist", 2, 0.7, "data", 0.95),
    ("machine learning engineer", 2, 0.65, "data", 0.95),
    ("ml engineer", 2, 0.65, "data", 0.95),
    ("analyst", 2, 0.65, None, 0.0),
    ("specialist", 2, 0.6, None, 0.0),
    ("consultant", 2, 0.6, "consulting", 0.5),
    ("advisor", None, 0.0, None, 0.0),
    ("adviser", None, 0.0, None, 0.0),
    ("strategist", 3, 0.45, None, 0.0),
    ("accountant", 2, 0.65, "finance", 0.95),
    ("auditor", 2, 0.6, "finance", 0.8),
    ("controller", 6, 0.5, "finance", 0.8),
    ("financial controller", 6, 0.55, "finance", 0.95),
    ("treasurer", 7, 0.5, "finance", 0.9),
    ("bookkeeper", 1, 0.55, "finance", 0.95),
    ("underwriter", 2, 0.55, "finance", 0.8),
    ("actuary", 2, 0.55, "finance", 0.8),
    ("banker", 2, 0.5, "finance", 0.85),
    ("investor", None, 0.0, "finance", 0.7),
    ("administrator", 2, 0.55, None, 0.0),
    ("technician", 2, 0.6, None, 0.0),
    ("technologist", 2, 0.55, None, 0.0),
    ("recruiter", 2, 0.65, "people", 0.95),
    ("sourcer", 2, 0.6, "people", 0.9),
    ("generalist", 2, 0.55, None, 0.0),
    ("attorney", 2, 0.55, "legal", 0.95),
    ("lawyer", 2, 0.55, "legal", 0.95),
    ("solicitor", 2, 0.55, "legal", 0.95),
    ("barrister", 2, 0.55, "legal", 0.95),
    ("counsel", 2, 0.55, "legal", 0.95),
    ("legal counsel", 2, 0.6, "legal", 0.95),
    ("general counsel", 9, 0.65, "legal", 0.95),
    ("associate general counsel", 7, 0.55, "legal", 0.95),
    ("assistant general counsel", 7, 0.55, "legal", 0.95),
    ("deputy general counsel", 8, 0.6, "legal", 0.95),
    ("paralegal", 1, 0.6, "legal", 0.95),
    ("nurse", 2, 0.5, "healthcare", 0.95),
    ("physician", 2, 0.45, "healthcare", 0.95),
    ("physician assistant", 2, 0.5, "healthcare", 0.95),
    ("doctor", 2, 0.4, "healthcare", 0.6),
    ("surgeon", 2, 0.45, "healthcare", 0.95),
    ("pharmacist", 2, 0.5, "healthcare", 0.95),
    ("therapist", 2, 0.5, "healthcare", 0.85),
    ("teacher", 2, 0.55, "education", 0.95),
    ("instructor", 2, 0.5, "education", 0.7),
    ("lecturer", 2, 0.5, "education", 0.9),
    ("tutor", 1, 0.5, "education", 0.85),
    ("professor", 3, 0.4, "education", 0.9),
    ("assistant professor", 2, 0.5, "education", 0.95),
    ("associate professor", 3, 0.5, "education", 0.95),
    ("dean", 7, 0.5, "education", 0.9),
    ("teaching assistant", 1, 0.5, "education", 0.9),
    # Schools: an assistant or vice principal leads teachers (a manager's rung, not an
    # assistant's); instructional and learning designers build courses (O*NET 25-9031).
    ("assistant principal", 5, 0.55, "education", 0.9),
    ("vice principal", 5, 0.55, "education", 0.9),
    ("deputy principal", 5, 0.55, "education", 0.9),
    ("instructional designer", 2, 0.65, "education", 0.9),
    ("learning designer", 2, 0.6, "education", 0.85),
    ("learning experience designer", 2, 0.6, "education", 0.85),
    ("postdoc", 2, 0.5, "research", 0.9),
    ("postdoctoral", 2, 0.5, "research", 0.9),
    ("research fellow", 2, 0.45, "research", 0.9),
    ("research assistant", 1, 0.55, "research", 0.85),
    ("phd candidate", 0, 0.5, "research", 0.8),
    ("phd student", 0, 0.55, "research", 0.8),
    ("doctoral student", 0, 0.55, "research", 0.8),
    ("mba candidate", 0, 0.5, None, 0.0),
    ("mba student", 0, 0.55, None, 0.0),
    ("writer", 2, 0.5, None, 0.0),
    ("chef", 2, 0.45, "other", 0.6),
    ("coach", 2, 0.4, None, 0.0),
    ("scrum master", 2, 0.5, "operations", 0.7),
    ("copywriter", 2, 0.55, "marketing", 0.8),
    ("editor", 2, 0.5, None, 0.0),
    ("producer", 2, 0.45, None, 0.0),
    ("planner", 2, 0.5, None, 0.0),
    ("buyer", 2, 0.5, "operations", 0.6),
    ("broker", 2, 0.45, "sales", 0.5),
    ("agent", 2, 0.4, None, 0.0),
    ("realtor", 2, 0.5, "sales", 0.9),
    ("salesperson", 1, 0.5, "sales", 0.95),
    ("salesman", 1, 0.5, "sales", 0.95),
    ("marketer", 2, 0.55, "marketing", 0.95),
    ("officer", 2, 0.35, None, 0.0),
    ("representative", 1, 0.55, None, 0.0),
    ("coordinator", 1, 0.65, None, 0.0),
    ("clerk", 1, 0.6, None, 0.0),
    ("receptionist", 1, 0.6, "operations", 0.7),
    ("secretary", 1, 0.5, "operations", 0.6),
    ("executive assistant", 1, 0.6, "operations", 0.7),
    ("administrative assistant", 1, 0.65, "operations", 0.8),
    ("personal assistant", 1, 0.6, "operations", 0.6),
    ("cashier", 1, 0.6, "sales", 0.6),
    ("teller", 1, 0.55, "finance", 0.6),
    ("account executive", 2, 0.6, "sales", 0.95),
    ("sales executive", 2, 0.55, "sales", 0.95),
    ("sales associate", 1, 0.6, "sales", 0.95),
    ("bdr", 1, 0.6, "sales", 0.95),
    ("sdr", 1, 0.6, "sales", 0.95),
    ("pm", 2, 0.5, "product", 0.5),
    # interns and students
    ("management trainee", 0, 0.75, None, 0.0),
    ("working student", 0, 0.8, None, 0.0),
    ("student", 0, 0.5, None, 0.0),
    ("summer analyst", 0, 0.75, None, 0.0),
    ("summer associate", 0, 0.75, None, 0.0),
    ("extern", 0, 0.7, None, 0.0),
    # readable but without a level
    ("freelancer", None, 0.0, None, 0.0),
    ("self employed", None, 0.0, None, 0.0),
    ("volunteer", None, 0.0, None, 0.0),
]

# Modifiers: (word, effect, level on its own or None, confidence on its own, function).
_MODIFIERS: list[tuple[str, str, int | None, float, str | None]] = [
    ("associate", "assoc", 1, 0.55, None),
    ("assistant", "assistant", 1, 0.6, None),
    ("deputy", "deputy", None, 0.0, None),
    ("junior", "junior", None, 0.0, None),
    ("graduate", "graduate", 1, 0.4, None),
    ("entry level", "junior", None, 0.0, None),
    ("lead", "lead", 4, 0.55, None),
    ("principal", "lead", 4, 0.4, None),
    ("staff", "staff", None, 0.0, None),
    ("head", "head", 7, 0.65, None),
    ("chief", "chief", None, 0.0, None),
    ("executive", "ignore", 2, 0.4, None),
    ("partner", "partner", 10, 0.55, None),
    ("owner", "ignore", 11, 0.6, "executive"),
    ("intern", "intern", 0, 0.85, None),
    ("trainee", "intern", 0, 0.8, None),
    ("apprentice", "intern", 0, 0.8, None),
    ("distinguished", "distinguished", None, 0.0, None),
    ("fellow", "fellow", None, 0.0, None),
    ("freelance", "freelance", None, 0.0, None),
    ("independent", "freelance", None, 0.0, None),
    ("group", "group", None, 0.0, None),
]

# Function words: (phrase, function, weight).
_WORDS: list[tuple[str, str, float]] = [
    # engineering
    ("software", "engineering", 0.9),
    ("engineering", "engineering", 0.85),
    ("software engineering", "engineering", 0.95),
    ("development", "engineering", 0.35),
    ("devops", "engineering", 0.9),
    ("site reliability", "engineering", 0.9),
    ("sre", "engineering", 0.9),
    ("backend", "engineering", 0.9),
    ("back end", "engineering", 0.9),
    ("frontend", "engineering", 0.9),
    ("front end", "engineering", 0.9),
    ("full stack", "engineering", 0.9),
    ("fullstack", "engineering", 0.9),
    ("mobile", "engineering", 0.6),
    ("ios", "engineering", 0.85),
    ("android", "engineering", 0.85),
    ("firmware", "engineering", 0.9),
    ("embedded", "engineering", 0.85),
    ("hardware", "engineering", 0.8),
    ("mechanical", "engineering", 0.5),
    ("electrical", "engineering", 0.5),
    ("civil", "engineering", 0.6),
    ("qa", "engineering", 0.6),
    ("quality assurance", "engineering", 0.5),
    ("platform", "engineering", 0.4),
    ("web", "engineering", 0.5),
    ("java", "engineering", 0.9),
    ("python", "engineering", 0.8),
    ("javascript", "engineering", 0.9),
    ("net", "engineering", 0.6),
    ("c++", "engineering", 0.9),
    ("sales engineer", "sales", 0.9),
    ("solutions engineer", "sales", 0.6),
    ("solutions consultant", "sales", 0.6),
    ("presales", "sales", 0.9),
    ("pre sales", "sales", 0.9),
    ("support engineer", "customer-success", 0.6),
    ("network engineer", "it", 0.9),
    ("security engineer", "it", 0.8),
    ("product engineer", "engineering", 0.9),
    ("product engineering", "engineering", 0.9),
    ("product development", "product", 0.5),
    # product
    ("product", "product", 0.6),
    ("product management", "product", 0.95),
    ("product lead", "product", 0.95),
    # design
    ("design", "design", 0.85),
    ("ux", "design", 0.95),
    ("ui", "design", 0.85),
    ("user experience", "design", 0.95),
    ("user research", "design", 0.85),
    ("ux research", "design", 0.9),
    ("product design", "design", 0.95),
    ("product designer", "design", 0.95),
    ("interaction", "design", 0.7),
    ("visual", "design", 0.6),
    ("graphic", "design", 0.85),
    ("creative director", "design", 0.6),
    ("art director", "design", 0.8),
    ("creative", "design", 0.5),
    ("illustrator", "design", 0.7),
    # data
    ("data", "data", 0.8),
    ("data science", "data", 0.95),
    ("data engineer", "data", 0.95),
    ("data engineering", "data", 0.95),
    ("data analyst", "data", 0.95),
    ("data analytics", "data", 0.95),
    ("analytics", "data", 0.85),
    ("machine learning", "data", 0.85),
    ("ml", "data", 0.8),
    ("ai", "data", 0.6),
    ("artificial intelligence", "data", 0.7),
    ("business intelligence", "data", 0.85),
    ("bi", "data", 0.8),
    ("statistician", "data", 0.9),
    ("insights", "data", 0.5),
    ("data entry", "operations", 0.8),
    ("data center", "it", 0.8),
    ("data protection", "legal", 0.7),
    # marketing
    ("marketing", "marketing", 0.95),
    ("product marketing", "marketing", 0.95),
    ("brand", "marketing", 0.7),
    ("communications", "marketing", 0.85),
    ("comms", "marketing", 0.85),
    ("public relations", "marketing", 0.85),
    ("pr", "marketing", 0.7),
    ("content", "marketing", 0.6),
    ("social media", "marketing", 0.85),
    ("seo", "marketing", 0.9),
    ("sem", "marketing", 0.85),
    ("growth", "marketing", 0.55),
    ("demand generation", "marketing", 0.9),
    ("demand gen", "marketing", 0.9),
    ("lead generation", "marketing", 0.8),
    ("advertising", "marketing", 0.85),
    ("events", "marketing", 0.5),
    ("event", "marketing", 0.5),
    ("developer relations", "marketing", 0.5),
    ("evangelist", "marketing", 0.5),
    ("digital marketing", "marketing", 0.95),
    # sales
    ("sales", "sales", 0.95),
    ("business development", "sales", 0.9),
    ("account management", "sales", 0.7),
    ("key account", "sales", 0.9),
    ("account director", "sales", 0.8),
    ("partnerships", "sales", 0.7),
    ("channel", "sales", 0.6),
    ("revenue", "sales", 0.5),
    ("inside sales", "sales", 0.95),
    ("commercial", "sales", 0.45),
    ("retail", "sales", 0.4),
    ("real estate", "sales", 0.5),
    # customer success
    ("customer success", "customer-success", 0.95),
    ("customer support", "customer-success", 0.9),
    ("customer service", "customer-success", 0.9),
    ("customer experience", "customer-success", 0.7),
    ("customer care", "customer-success", 0.85),
    ("client services", "customer-success", 0.7),
    ("support", "customer-success", 0.5),
    ("technical support", "it", 0.6),
    ("implementation", "customer-success", 0.45),
    ("onboarding", "customer-success", 0.4),
    # finance
    ("finance", "finance", 0.95),
    ("financial", "finance", 0.85),
    ("accounting", "finance", 0.95),
    ("fp&a", "finance", 0.95),
    ("fpa", "finance", 0.95),
    ("treasury", "finance", 0.9),
    ("tax", "finance", 0.85),
    ("audit", "finance", 0.8),
    ("internal audit", "finance", 0.9),
    ("investment", "finance", 0.8),
    ("investments", "finance", 0.8),
    ("investor relations", "finance", 0.7),
    ("banking", "finance", 0.8),
    ("investment banking", "finance", 0.95),
    ("equity research", "finance", 0.9),
    ("private equity", "finance", 0.9),
    ("venture capital", "finance", 0.9),
    ("vc", "finance", 0.6),
    ("credit", "finance", 0.6),
    ("payroll", "finance", 0.5),
    ("wealth", "finance", 0.8),
    ("quantitative", "finance", 0.5),
    ("quant", "finance", 0.6),
    ("risk", "finance", 0.4),
    # operations
    ("operations", "operations", 0.8),
    ("operating", "operations", 0.8),
    ("supply chain", "operations", 0.95),
    ("logistics", "operations", 0.9),
    ("procurement", "operations", 0.85),
    ("purchasing", "operations", 0.85),
    ("sourcing", "operations", 0.6),
    ("program management", "operations", 0.7),
    ("program", "operations", 0.45),
    ("project", "operations", 0.45),
    ("project management", "operations", 0.7),
    ("pmo", "operations", 0.8),
    ("business operations", "operations", 0.85),
    ("revenue operations", "operations", 0.7),
    ("revops", "operations", 0.7),
    ("sales operations", "operations", 0.6),
    ("facilities", "operations", 0.8),
    ("administrative", "operations", 0.6),
    ("warehouse", "operations", 0.7),
    ("manufacturing", "operations", 0.5),
    ("process improvement", "operations", 0.6),
    ("fulfillment", "operations", 0.7),
    # people
    ("hr", "people", 0.95),
    ("human resources", "people", 0.95),
    ("people", "people", 0.7),
    ("people operations", "people", 0.95),
    ("talent", "people", 0.8),
    ("talent acquisition", "people", 0.95),
    ("executive search", "people", 0.9),
    ("recruiting", "people", 0.95),
    ("recruitment", "people", 0.95),
    ("learning and development", "people", 0.9),
    ("l&d", "people", 0.9),
    ("total rewards", "people", 0.9),
    ("compensation", "people", 0.75),
    ("benefits", "people", 0.6),
    ("employee experience", "people", 0.8),
    ("diversity", "people", 0.6),
    ("workforce", "people", 0.5),
    ("training", "people", 0.45),
    # legal
    ("legal", "legal", 0.95),
    ("compliance", "legal", 0.85),
    ("regulatory", "legal", 0.6),
    ("privacy", "legal", 0.6),
    ("contracts", "legal", 0.6),
    ("law", "legal", 0.8),
    ("litigation", "legal", 0.9),
    ("intellectual property", "legal", 0.8),
    ("dpo", "legal", 0.6),
    # it
    ("it", "it", 0.9),
    ("information technology", "it", 0.95),
    ("information security", "it", 0.9),
    ("infosec", "it", 0.9),
    ("security", "it", 0.65),
    ("cybersecurity", "it", 0.95),
    ("cyber security", "it", 0.95),
    ("network", "it", 0.7),
    ("systems administrator", "it", 0.9),
    ("sysadmin", "it", 0.9),
    ("help desk", "it", 0.9),
    ("helpdesk", "it", 0.9),
    ("service desk", "it", 0.85),
    ("desktop support", "it", 0.9),
    ("infrastructure", "it", 0.5),
    ("database administrator", "it", 0.7),
    ("dba", "it", 0.7),
    ("technology", "it", 0.35),
    # research
    ("research", "research", 0.65),
    ("research scientist", "research", 0.9),
    ("r&d", "research", 0.6),
    ("laboratory", "research", 0.6),
    ("lab", "research", 0.5),
    ("phd", "research", 0.5),
    ("market research", "marketing", 0.8),
    ("clinical research", "research", 0.7),
    # consulting
    ("consulting", "consulting", 0.8),
    ("strategy", "consulting", 0.65),
    ("management consultant", "consulting", 0.9),
    ("management consulting", "consulting", 0.95),
    ("advisory", "consulting", 0.5),
    ("transformation", "consulting", 0.4),
    # healthcare
    ("clinical", "healthcare", 0.7),
    ("medical", "healthcare", 0.7),
    ("nursing", "healthcare", 0.95),
    ("patient", "healthcare", 0.7),
    ("hospital", "healthcare", 0.6),
    ("health", "healthcare", 0.45),
    ("registered nurse", "healthcare", 0.95),
    ("rn", "healthcare", 0.8),
    # education
    ("education", "education", 0.7),
    ("school", "education", 0.5),
    ("curriculum", "education", 0.7),
    ("academic", "education", 0.6),
    ("faculty", "education", 0.8),
    ("teaching", "education", 0.8),
    # executive
    ("executive leadership", "executive", 0.6),
]

# Words that make a segment not a title.
_NOISE = [
    "hiring",
    "we are hiring",
    "were hiring",
    "open to work",
    "looking",
    "seeking",
    "opportunities",
    "of life",
    "unemployed",
    "retired",
]
_PAST = ["ex", "former", "formerly", "previously", "past"]

# The middle of "Chief … Officer" -> the function it leads.
CHIEF_FUNCTIONS: dict[str, str] = {
    "executive": "executive",
    "technology": "engineering",
    "technical": "engineering",
    "information": "it",
    "security": "it",
    "financial": "finance",
    "finance": "finance",
    "accounting": "finance",
    "investment": "finance",
    "marketing": "marketing",
    "brand": "marketing",
    "communications": "marketing",
    "growth": "marketing",
    "operating": "operations",
    "operations": "operations",
    "administrative": "operations",
    "supply": "operations",
    "people": "people",
    "human": "people",
    "talent": "people",
    "learning": "people",
    "diversity": "people",
    "product": "product",
    "revenue": "sales",
    "sales": "sales",
    "commercial": "sales",
    "business": "sales",
    "customer": "customer-success",
    "legal": "legal",
    "compliance": "legal",
    "risk": "legal",
    "privacy": "legal",
    "data": "data",
    "analytics": "data",
    "design": "design",
    "creative": "design",
    "experience": "design",
    "medical": "healthcare",
    "nursing": "healthcare",
    "science": "research",
    "scientific": "research",
    "research": "research",
    "academic": "education",
    "strategy": "consulting",
    "strategic": "consulting",
}

# Words in the organization ("Partner at Smith LLP") that say what kind of partner. When
# several do, the first function in ORG_PRECEDENCE wins ("Bain Capital" is an investor).
ORG_PRECEDENCE = ("people", "finance", "legal", "consulting")
ORG_FUNCTIONS: dict[str, str] = {
    "llp": "legal",
    "law": "legal",
    "legal": "legal",
    "attorneys": "legal",
    "solicitors": "legal",
    "lawyers": "legal",
    "capital": "finance",
    "ventures": "finance",
    "venture": "finance",
    "vc": "finance",
    "fund": "finance",
    "equity": "finance",
    "investments": "finance",
    "consulting": "consulting",
    "consultants": "consulting",
    "advisory": "consulting",
    "mckinsey": "consulting",
    "bain": "consulting",
    "bcg": "consulting",
    "deloitte": "consulting",
    "accenture": "consulting",
    "kpmg": "consulting",
    "pwc": "consulting",
    "ey": "consulting",
    "oliver": "consulting",
    # executive search firms
    "heidrick": "people",
    "zehnder": "people",
    "korn": "people",
    "spencer": "people",
    "headhunters": "people",
    "odgers": "people",
    "boyden": "people",
    "search": "people",
}

# Kinds of role that are neither a level nor a function, and that advice treats apart:
# governance and outside roles (senior outside advisors for an executive) and recruiting
# (useful for the process, not for seeing a path).
BOARD = "board"
ADVISOR = "advisor"
INVESTOR = "investor"
OPERATING_PARTNER = "operating-partner"
EXECUTIVE_SEARCH = "executive-search"
RECRUITER = "recruiter"
HR_PARTNER = "hr-partner"
OUTSIDE_TAGS = frozenset({BOARD, ADVISOR, INVESTOR, OPERATING_PARTNER, EXECUTIVE_SEARCH})
RECRUITING_TAGS = frozenset({EXECUTIVE_SEARCH, RECRUITER, HR_PARTNER})
_TAGGED = {
    BOARD: "board member|board of directors|board director|non executive director|"
    "member of the board|ned|supervisory board member|"
    "independent director|independent non executive director|trustee|non executive chairman|"
    "non executive chair|chair of the board|board chair|chairman of the board|chairman|"
    "chairwoman|chairperson|vice chairman|vice chair|executive chairman|"
    # in the other languages (title_languages.py)
    "aufsichtsrat|aufsichtsratin|aufsichtsratsmitglied|aufsichtsratsvorsitzender|"
    "aufsichtsratsvorsitzende|mitglied des aufsichtsrats|administrateur independant|"
    "administratrice independante|membre du conseil dadministration|administrateur de societe|"
    "president du conseil dadministration|presidente du conseil dadministration|consejero|"
    "consejera|consejero independiente|consejera independiente|presidente del consejo|"
    "presidenta del consejo|conselheiro|conselheira|membro do conselho de administracao|"
    "conselheiro de administracao|conselheira de administracao|commissaris|"
    "lid raad van commissarissen|raad van commissarissen",
    ADVISOR: "advisor|adviser|advisory board member|board advisor|advisory board|"
    "executive in residence|entrepreneur in residence",
    INVESTOR: "investor|angel investor|venture partner|limited partner",
    OPERATING_PARTNER: "operating partner|executive partner",
    EXECUTIVE_SEARCH: "executive search|headhunter",
    RECRUITER: "recruiter|sourcer|talent acquisition|recruiting|recruitment|recrutement",
    HR_PARTNER: "hr business partner|human resources business partner|people partner|"
    "talent partner",
}
TAGS: dict[str, str] = {
    phrase: tag for tag, phrases in _TAGGED.items() for phrase in phrases.split("|")
}

# The words that may come before "advisor" in an outside advisor's title ("Strategic
# Advisor"); any other ("Financial Advisor", "Customer Advisor") makes it a job of its own.
ADVISOR_QUALIFIERS = frozenset(
    {"senior", "strategic", "independent", "executive", "special", "board", "startup"}
)

# A role word in the name of a practice or team is the work, not the rank ("Partner, CFO
# Practice" advises or places CFOs).
PRACTICE_WORDS = frozenset({"practice", "practices"})

# Heads that "staff" raises to lead (a staff engineer, not a staff accountant).
TECH_HEADS = frozenset(
    {"engineer", "developer", "scientist", "data scientist", "designer", "product manager"}
    | {"architect", "researcher", "research scientist", "programmer", "product designer"}
)

# Grades: "Engineer II", "L5", "E6", "IC4".
NUMERALS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 4, "1": 1, "2": 2, "3": 3}
GRADES: dict[str, int] = {
    **{f"l{n}": lv for n, lv in ((3, 1), (4, 2), (5, 3), (6, 4), (7, 4), (8, 7), (9, 8))},
    **{f"e{n}": lv for n, lv in ((3, 1), (4, 2), (5, 3), (6, 4), (7, 4), (8, 7), (9, 8))},
    **{f"ic{n}": lv for n, lv in ((1, 1), (2, 1), (3, 2), (4, 3), (5, 4), (6, 4))},
}


def _build_lexicon() -> dict[str, Word]:
    lexicon: dict[str, Word] = {}
    modifiers = _MODIFIERS + [
        (phrase, effect, level, conf, None)
        for phrases, effect, level, conf in title_languages.MODIFIERS
        for phrase in title_languages.spellings(phrases)
    ]
    roles = _ROLES + [
        (phrase, level, conf, function, weight)
        for phrases, level, conf, function, weight in title_languages.ROLES
        for phrase in title_languages.spellings(phrases)
    ]
    words = _WORDS + [
        (phrase, function, weight)
        for phrases, function, weight in title_languages.WORDS
        for phrase in title_languages.spellings(phrases)
    ]
    for phrase, effect, level, conf, function in modifiers:
        lexicon[phrase] = _mod(effect, level, conf, function)
    for phrase, level, conf, function, weight in roles:
        lexicon[phrase] = _role(level, conf, function, weight)
    for phrase, function, weight in words:
        # "sales engineer", "creative director": the role's level, the phrase's function.
        head = lexicon.get(phrase.rsplit(" ", 1)[-1]) if " " in phrase else None
        if head is not None and head.kind in (ROLE, MODIFIER) and head.level is not None:
            lexicon[phrase] = _role(head.level, head.level_confidence, function, weight)
        else:
            lexicon[phrase] = _word(function, weight)
    for phrase, tag in TAGS.items():
        word = lexicon.get(phrase)
        if word is not None:
            lexicon[phrase] = replace(word, tag=tag)
    lexicon["senior"] = Word(SENIOR)
    for phrase in _NOISE:
        lexicon[phrase] = Word(NOISE)
    for phrase in _PAST:
        lexicon[phrase] = Word(PAST)
    return lexicon


LEXICON: dict[str, Word] = _build_lexicon()
# The longest phrase starting with each word, so matching tries only what can match.
LONGEST: dict[str, int] = {}
for _phrase in LEXICON:
    _first, _n = _phrase.split(" ", 1)[0], _phrase.count(" ") + 1
    LONGEST[_first] = max(LONGEST.get(_first, 1), _n)
