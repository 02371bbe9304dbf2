"""Names and places for the demo district (francophone West / Central African flavour).

Plain data only; ``app.services.demo`` draws from these lists with a seeded generator, so the
order of every list is part of the demo's determinism: append, never reorder.
"""

from __future__ import annotations

# fmt: off
MALE_FIRST_NAMES: tuple[str, ...] = (
    "Moussa", "Ibrahima", "Mamadou", "Sékou", "Abdoulaye", "Ousmane", "Amadou", "Boubacar",
    "Cheikh", "Modou", "Lamine", "Souleymane", "Seydou", "Alassane", "Idrissa", "Malick",
    "Babacar", "Demba", "Samba", "Yaya", "Adama", "Bakary", "Issa", "Karim", "Mahamadou",
    "Oumar", "Aliou", "Saliou", "Pape", "Djibril", "Youssouf", "Salif", "Habib", "Tidiane",
    "Ismaïla", "Mamadi", "Fodé", "Lansana", "Kalidou", "Thierno", "Alpha",
    "Jean-Baptiste", "Pierre", "Emmanuel", "Joseph", "Augustin", "Kofi", "Kwame", "Yao",
    "Kouassi", "Koffi", "Serge", "Didier", "Rasmané", "Boukary", "Harouna", "Hamidou",
    "Ibrahim", "Moctar", "Aboubacar", "Daouda", "Mountaga", "Faly", "Ansou",
    "Kéba", "Landing", "Sidy", "Ngagne", "Massamba", "Birane", "Élie", "Désiré",
)

FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Aminata", "Fatou", "Awa", "Mariam", "Hawa", "Aïssatou", "Khadija", "Ndèye", "Fatoumata",
    "Kadiatou", "Rokhaya", "Coumba", "Bintou", "Oumou", "Ramatoulaye", "Adama", "Sokhna",
    "Astou", "Maïmouna", "Safiatou", "Djénéba", "Salimata", "Assétou", "Mariama", "Nafissatou",
    "Dieynaba", "Yacine", "Binta", "Korka", "Penda", "Dado", "Téning", "Mame", "Sira",
    "Kankou", "Fanta", "Nènè", "Aïcha", "Zeinab", "Habibatou", "Adjoa", "Akosua", "Ama",
    "Afia", "Abla", "Akouvi", "Marie", "Véronique", "Jeanne", "Bernadette", "Odile", "Solange",
    "Clémentine", "Rasmata", "Alimata", "Zénabo", "Fatimata", "Haoua", "Ramata", "Sali",
    "Tabara", "Arame", "Diarra", "Seynabou", "Ngoné", "Mbayang", "Khady", "Anta", "Daba",
    "Sadio", "Ténin", "Kadidia", "Oumy", "Rama",
)

LAST_NAMES: tuple[str, ...] = (
    "Diallo", "Traoré", "Ndiaye", "Sow", "Coulibaly", "Keita", "Kaboré", "Mensah", "Touré",
    "Bâ", "Diop", "Fall", "Camara", "Cissé", "Sylla", "Baldé", "Mbaye", "Sané", "Mané",
    "Konaté", "Ouédraogo", "Sawadogo", "Koné", "Diarra", "Sidibé", "Sangaré", "Dembélé",
    "Kanté", "Barry", "Bah", "Seck", "Guèye", "Faye", "Sarr", "Thiam", "Kouyaté", "Doumbia",
    "Fofana", "Bamba", "Ouattara", "Kouassi", "Nikiéma", "Zongo", "Compaoré", "Tall", "Niang",
    "Diagne", "Mendy", "Gomis", "Badji", "Diédhiou", "Sagna", "Manga", "Tamba", "Boiro",
    "Kandé", "Mballo", "Sabaly", "Embaló", "Dossou", "Adjovi", "Houngbédji", "Agbodjan",
    "Kpodar", "Amegah", "Diakité", "Samaké", "Dramé", "Soumaré", "Cissokho", "Danfa", "Kamara",
    "Bodian", "Coly", "Diatta", "Goudiaby", "Tendeng", "Djiba", "Dabo", "Seydi",
)

#: Wards of the demo district (communes of the Kolda area).
WARD_NAMES: tuple[str, ...] = (
    "Dioulacolon", "Saré Bidji", "Médina Yoro Foulah", "Mampatim", "Dabo", "Coumbacara",
    "Bagadadji", "Thiétty", "Dialambéré", "Fafacourou", "Salikégné", "Guiro Yéro Bocar",
)

#: Village names are built as prefix + root; the roots alone are villages too.
VILLAGE_PREFIXES: tuple[str, ...] = (
    "", "Saré ", "Médina ", "Touba ", "Darou ", "Kéréwane ", "Sinthiang ", "Dar Salam ",
    "Temento ", "Thiara ", "Missira ", "Kounkané ",
)

VILLAGE_ROOTS: tuple[str, ...] = (
    "Yoba", "Bidji", "Chérif", "Diaobé", "Sinthian", "Koundara", "Samba Dia", "Sounkoung",
    "Bantancountou", "Diaroumé", "Pata", "Ndorna", "Kandia", "Linkéring", "Fodé", "Boguel",
    "Hamdallaye", "Mballocounda", "Dinguiraye", "Kourou", "Niaming", "Wassadou", "Badion",
    "Tankanto", "Bonconto", "Paroumba", "Sankagne", "Dioulabougou", "Kéréwane", "Guiro",
    "Bourouco", "Mamboua", "Kolibantang", "Sakar", "Tanaff", "Diana", "Samine", "Marsassoum",
    "Djibanar", "Karantaba", "Simbandi", "Médina Souané", "Kaour", "Diendé", "Oudoucar",
)

QUARTIERS: tuple[str, ...] = (
    "Escale", "Centre", "Santhiaba", "Médina", "Gadapara", "Château d'eau", "Plateau",
    "Sinthiang", "Bantaguel", "Sikilo", "Ndiobène", "Dar Salam", "Boucotte", "Lycée", "Marché",
    "Cité", "Grand Kolda", "Doumassou", "Hilèle", "Sare Kémo",
)

LANDMARKS: tuple[str, ...] = (
    "Près de la mosquée", "Derrière l'école", "À côté du forage", "Face au marché",
    "Près du puits", "Près du poste de santé", "Derrière le terrain de football",
    "À côté du moulin", "Près du grand fromager", "Face à la boutique", "Près de l'église",
    "Au bord de la route nationale", "Près du château d'eau", "Derrière la case des tout-petits",
)

DECEASED_REASONS: tuple[str, ...] = ("Maladie", "Accident", "Paludisme", "Vieillesse")

MOBILE_PROVIDERS: tuple[str, ...] = ("Orange Money", "Wave", "Free Money")
BANKS: tuple[str, ...] = ("CNCAS", "Crédit Mutuel du Sénégal", "Ecobank", "La Poste")
# fmt: on
