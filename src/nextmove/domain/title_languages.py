"""Common job titles in German, French, Spanish, Portuguese and Dutch, for the title lexicon
(title_lexicon.py builds them into the same table as the English words).

Words are written as they are looked up: lower case, accents folded ("Geschäftsführer" is
read as "geschaftsfuhrer", "Directrice Générale" as "directrice generale") and apostrophes
dropped ("conseil d'administration" is "conseil dadministration"). Feminine and masculine
forms are listed side by side. Levels are ranks on the ladder (docs/levels.md).
"""

from __future__ import annotations

# Roles: (phrases, level, level confidence, function, function weight). Several spellings
# (genders) of one role share a line, separated by "/".
ROLES: list[tuple[str, int | None, float, str | None, float]] = [
    # German
    (
        "geschaftsfuhrer/geschaftsfuhrerin/geschaftsleiter/geschaftsleiterin",
        11,
        0.7,
        "executive",
        0.8,
    ),
    ("kaufmannischer geschaftsfuhrer/kaufmannische geschaftsfuhrerin", 11, 0.75, "finance", 0.9),
    ("vorstand/vorstandin/vorstandsmitglied", 11, 0.6, "executive", 0.6),
    (
        "vorstandsvorsitzender/vorstandsvorsitzende/vorsitzender des vorstands",
        11,
        0.85,
        "executive",
        0.9,
    ),
    ("finanzvorstand/finanzvorstandin", 11, 0.85, "finance", 0.95),
    ("leiter/leiterin/leitung", 7, 0.55, None, 0.0),
    ("bereichsleiter/bereichsleiterin", 8, 0.5, None, 0.0),
    ("abteilungsleiter/abteilungsleiterin", 7, 0.5, None, 0.0),
    ("gruppenleiter/gruppenleiterin", 5, 0.55, None, 0.0),
    ("teamleiter/teamleiterin/teamleitung", 4, 0.7, None, 0.0),
    ("projektleiter/projektleiterin", 4, 0.6, "operations", 0.7),
    ("vertriebsleiter/vertriebsleiterin", 7, 0.6, "sales", 0.95),
    ("marketingleiter/marketingleiterin", 7, 0.6, "marketing", 0.95),
    ("personalleiter/personalleiterin", 7, 0.6, "people", 0.95),
    ("einkaufsleiter/einkaufsleiterin", 7, 0.6, "operations", 0.9),
    ("produktionsleiter/produktionsleiterin/werkleiter/werkleiterin", 7, 0.6, "operations", 0.9),
    ("technischer leiter/technische leiterin", 7, 0.6, "engineering", 0.8),
    ("kaufmannischer leiter/kaufmannische leiterin", 7, 0.6, "finance", 0.85),
    ("leiter personal/leiterin personal", 7, 0.55, "people", 0.9),
    ("softwareentwickler/softwareentwicklerin", 2, 0.65, "engineering", 0.95),
    ("entwickler/entwicklerin", 2, 0.6, "engineering", 0.9),
    ("ingenieur/ingenieurin/ingenieure", 2, 0.6, "engineering", 0.8),
    ("produktmanager/produktmanagerin", 2, 0.65, "product", 0.95),
    ("projektmanager/projektmanagerin", 2, 0.6, "operations", 0.7),
    ("berater/beraterin", 2, 0.55, "consulting", 0.6),
    ("unternehmensberater/unternehmensberaterin", 2, 0.6, "consulting", 0.95),
    ("sachbearbeiter/sachbearbeiterin", 1, 0.55, None, 0.0),
    ("referent/referentin", 2, 0.5, None, 0.0),
    ("mitarbeiter/mitarbeiterin", 1, 0.45, None, 0.0),
    ("buchhalter/buchhalterin", 2, 0.6, "finance", 0.95),
    ("rechtsanwalt/rechtsanwaltin/anwalt/anwaltin/jurist/juristin", 2, 0.55, "legal", 0.95),
    (
        "krankenschwester/krankenpfleger/krankenpflegerin/pflegekraft/pflegefachkraft",
        2,
        0.55,
        "healthcare",
        0.95,
    ),
    ("pflegedienstleitung/pflegedienstleiter/pflegedienstleiterin", 7, 0.6, "healthcare", 0.95),
    ("stationsleitung/stationsleiter/stationsleiterin", 5, 0.6, "healthcare", 0.95),
    ("arzt/arztin", 2, 0.5, "healthcare", 0.95),
    ("oberarzt/oberarztin", 3, 0.55, "healthcare", 0.95),
    ("chefarzt/chefarztin", 7, 0.55, "healthcare", 0.95),
    ("auszubildender/auszubildende/azubi", 0, 0.8, None, 0.0),
    (
        "aufsichtsrat/aufsichtsratin/aufsichtsratsmitglied/mitglied des aufsichtsrats",
        11,
        0.5,
        "executive",
        0.6,
    ),
    ("aufsichtsratsvorsitzender/aufsichtsratsvorsitzende", 11, 0.6, "executive", 0.7),
    # French
    ("directrice", 7, 0.7, None, 0.0),
    (
        "directrice generale/directeur general delegue/directrice generale deleguee",
        11,
        0.7,
        "executive",
        0.8,
    ),
    ("president directeur general/presidente directrice generale/pdg", 11, 0.9, "executive", 0.9),
    (
        "directeur administratif et financier/directrice administrative et financiere/daf",
        11,
        0.6,
        "finance",
        0.95,
    ),
    ("drh", 7, 0.7, "people", 0.95),
    ("directeur commercial/directrice commerciale", 7, 0.7, "sales", 0.9),
    ("responsable", 5, 0.55, None, 0.0),
    ("chef de projet/cheffe de projet", 2, 0.6, "operations", 0.7),
    ("chef de produit/cheffe de produit", 2, 0.6, "product", 0.95),
    ("developpeur/developpeuse", 2, 0.65, "engineering", 0.9),
    ("comptable", 2, 0.6, "finance", 0.95),
    ("expert comptable/experte comptable", 2, 0.6, "finance", 0.95),
    ("avocat/avocate/juriste", 2, 0.55, "legal", 0.95),
    ("infirmier/infirmiere", 2, 0.55, "healthcare", 0.95),
    ("cadre de sante", 5, 0.6, "healthcare", 0.95),
    ("charge de/chargee de", 2, 0.5, None, 0.0),
    ("administrateur independant/administratrice independante", 11, 0.55, "executive", 0.6),
    ("membre du conseil dadministration/administrateur de societe", 11, 0.5, "executive", 0.6),
    (
        "president du conseil dadministration/presidente du conseil dadministration",
        11,
        0.7,
        "executive",
        0.7,
    ),
    # Spanish
    ("directora", 7, 0.8, None, 0.0),
    ("directora general", 11, 0.6, "executive", 0.6),
    ("gerente", 5, 0.65, None, 0.0),
    ("gerente general", 9, 0.7, "executive", 0.7),
    ("jefe/jefa", 5, 0.55, None, 0.0),
    ("coordinador/coordinadora/coordenador/coordenadora", 1, 0.45, None, 0.0),
    ("analista", 2, 0.6, None, 0.0),
    ("ingeniero/ingeniera/engenheiro/engenheira", 2, 0.6, "engineering", 0.8),
    ("desarrollador/desarrolladora/desenvolvedor/desenvolvedora", 2, 0.65, "engineering", 0.9),
    ("contador/contadora", 2, 0.55, "finance", 0.9),
    ("abogado/abogada/advogado/advogada", 2, 0.55, "legal", 0.95),
    ("enfermero/enfermera/enfermeiro/enfermeira", 2, 0.55, "healthcare", 0.95),
    ("medico/medica", 2, 0.5, "healthcare", 0.9),
    ("consejero delegado/consejera delegada", 11, 0.85, "executive", 0.9),
    (
        "consejero/consejera/consejero independiente/consejera independiente",
        11,
        0.45,
        "executive",
        0.6,
    ),
    ("presidente/presidenta", 11, 0.8, "executive", 0.7),
    ("presidente del consejo/presidenta del consejo", 11, 0.7, "executive", 0.7),
    ("vicepresidente/vicepresidenta/vice presidente/vice presidenta", 9, 0.85, None, 0.0),
    ("subdirector/subdirectora", 6, 0.6, None, 0.0),
    # Portuguese
    ("diretor/diretora", 7, 0.8, None, 0.0),
    ("diretor geral/diretora geral", 11, 0.6, "executive", 0.6),
    ("conselheiro/conselheira/membro do conselho de administracao", 11, 0.45, "executive", 0.6),
    ("conselheiro de administracao/conselheira de administracao", 11, 0.5, "executive", 0.6),
    # Dutch
    ("algemeen directeur/algemeen directrice", 11, 0.8, "executive", 0.85),
    ("teamleider", 4, 0.7, None, 0.0),
    ("afdelingshoofd", 7, 0.5, None, 0.0),
    ("medewerker", 1, 0.5, None, 0.0),
    ("accountmanager", 2, 0.65, "sales", 0.9),
    ("projectleider", 4, 0.6, "operations", 0.7),
    ("softwareontwikkelaar", 2, 0.65, "engineering", 0.95),
    ("ontwikkelaar", 2, 0.6, "engineering", 0.9),
    ("verpleegkundige", 2, 0.55, "healthcare", 0.95),
    ("bestuurder/lid raad van bestuur/voorzitter raad van bestuur", 11, 0.6, "executive", 0.7),
    ("commissaris/lid raad van commissarissen/raad van commissarissen", 11, 0.5, "executive", 0.6),
    ("eigenaar/eigenaresse", 11, 0.6, "executive", 0.6),
    ("adviseur", 2, 0.45, None, 0.0),
]

# Modifiers: (phrases, effect, level alone, confidence alone).
MODIFIERS: list[tuple[str, str, int | None, float]] = [
    ("praktikant/praktikantin/werkstudentin", "intern", 0, 0.85),
    ("stagiaire/stagiair/alternant/alternante/becario/becaria/practicante", "intern", 0, 0.85),
    ("estagiario/estagiaria", "intern", 0, 0.85),
    ("hoofd", "head", 7, 0.6),
    ("socio/socia/vennoot", "partner", 10, 0.5),
]

# Function words: (phrases, function, weight).
WORDS: list[tuple[str, str, float]] = [
    # German
    ("vertrieb/verkauf", "sales", 0.95),
    ("einkauf/beschaffung/logistik/produktion", "operations", 0.9),
    ("personalwesen/personalabteilung", "people", 0.95),
    ("finanzen/buchhaltung/rechnungswesen/controlling", "finance", 0.95),
    ("kundenservice/kundendienst/kundenbetreuung", "customer-success", 0.95),
    ("softwareentwicklung", "engineering", 0.95),
    ("entwicklung", "engineering", 0.5),
    ("rechtsabteilung/recht", "legal", 0.8),
    ("pflege", "healthcare", 0.9),
    ("forschung", "research", 0.8),
    ("informatik", "it", 0.8),
    # French
    ("ressources humaines/rh", "people", 0.95),
    ("recrutement", "people", 0.95),
    ("financier/financiere/finances", "finance", 0.9),
    ("comptabilite", "finance", 0.95),
    ("juridique", "legal", 0.95),
    ("ventes", "sales", 0.95),
    ("achats", "operations", 0.9),
    ("technique", "engineering", 0.6),
    ("logiciel", "engineering", 0.9),
    ("donnees", "data", 0.9),
    ("sante/soins", "healthcare", 0.7),
    # Spanish and Portuguese
    ("operaciones/operacoes", "operations", 0.8),
    ("ventas/vendas", "sales", 0.95),
    ("comercial/comerciales", "sales", 0.8),
    ("finanzas/financas", "finance", 0.95),
    ("financiero/financiera/financeiro/financeira", "finance", 0.9),
    ("contabilidad/contabilidade", "finance", 0.95),
    ("recursos humanos", "people", 0.95),
    ("mercadotecnia", "marketing", 0.95),
    ("tecnologia", "engineering", 0.6),
    ("datos/dados", "data", 0.9),
    ("compras/logistica", "operations", 0.9),
    ("proyectos/projetos", "operations", 0.7),
    ("sistemas", "it", 0.8),
    ("enfermeria/enfermagem", "healthcare", 0.95),
    ("engenharia/ingenieria", "engineering", 0.85),
    # Dutch
    ("financien/financieel/financiele/financiele administratie", "finance", 0.9),
    ("verkoop/commercieel/commerciele", "sales", 0.9),
    ("personeelszaken", "people", 0.95),
    ("inkoop", "operations", 0.9),
    ("klantenservice", "customer-success", 0.95),
    ("verpleging", "healthcare", 0.9),
]


def spellings(phrases: str) -> list[str]:
    """ "a/b/c" -> ["a", "b", "c"]."""
    return [p.strip() for p in phrases.split("/") if p.strip()]
