<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ComplianceGridModel</name>
    <message>
        <location filename="../../app/ui/itemmodels/compliance_grid_model.py" line="+80"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex, age</source>
        <translation>Sexe, âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caregiver</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attended</source>
        <translation>Présences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days present</source>
        <translation>Jours présents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days worked</source>
        <translation>Jours travaillés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>School days</source>
        <translation>Jours d'école</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits due</source>
        <translation>Visites dues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days due</source>
        <translation>Jours dus</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Already recorded for this period: read only.</source>
        <translation>Déjà saisi pour cette période : lecture seule.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Recorded</source>
        <translation>Saisi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No longer listed</source>
        <translation>N'est plus sur la liste</translation>
    </message>
</context>
<context>
    <name>ComplianceView</name>
    <message>
        <location filename="../../app/ui/views/compliance_view.py" line="+182"/>
        <source>Expected on every row</source>
        <translation>Attendu pour chaque ligne</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rows not keyed: Met</source>
        <translation>Lignes non saisies : respecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark every row still blank as met, then key only the exceptions.</source>
        <translation>Marquer toutes les lignes encore vides comme respectées, puis ne saisir que les exceptions.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save sheet</source>
        <translation>Enregistrer la fiche</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service point</source>
        <translation>Point de service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No programme of this district has conditions.</source>
        <translation>Aucun programme de ce district n'a de conditions.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>No school, clinic or works site carries this condition's sheets.</source>
        <translation>Aucune école, aucun centre de santé ni aucun chantier ne porte les fiches de cette condition.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading the sheet…</source>
        <translation>Chargement de la fiche…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>met at {n} % of the expected days</source>
        <translation>respectée à {n} % des jours attendus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>met at {n} or more</source>
        <translation>respectée à partir de {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{point}&lt;/b&gt; · {condition}, {rule} · {period}&lt;br&gt;Listed {listed} · met {met} · not met {not_met} · exempt {exempt} · not reported {missing}</source>
        <translation>&lt;b&gt;{point}&lt;/b&gt; · {condition}, {rule} · {period}&lt;br&gt;Inscrits {listed} · respecté {met} · non respecté {not_met} · exempté {exempt} · non renseigné {missing}</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n line(s) need correcting: see the Check column.</source>
        <translation>
            <numerusform>%n ligne doit être corrigée : voir la colonne Contrôle.</numerusform>
            <numerusform>%n lignes doivent être corrigées : voir la colonne Contrôle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n line(s) keyed, not saved yet.</source>
        <translation>
            <numerusform>%n ligne saisie, pas encore enregistrée.</numerusform>
            <numerusform>%n lignes saisies, pas encore enregistrées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nothing keyed yet.</source>
        <translation>Rien n'a encore été saisi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved {count} lines: {met} met, {not_met} not met, {exempt} exempt.</source>
        <translation>{count} lignes enregistrées : {met} respectées, {not_met} non respectées, {exempt} exemptées.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/crash_dialog.py" line="+20"/>
        <source>Roster: unexpected error</source>
        <translation>Roster : erreur inattendue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong and Roster stopped what it was doing. Your saved data is safe.

Please copy the details below and send them to your supervisor or the support team, with a few words about what you were doing.</source>
        <translation>Un problème est survenu et Roster a interrompu l’opération en cours. Les données déjà enregistrées sont intactes.

Copiez les détails ci-dessous et envoyez-les à votre superviseur ou à l’équipe d’assistance, avec quelques mots sur ce que vous faisiez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log file: {path}</source>
        <translation>Fichier journal : {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <location filename="../../app/ui/error_presenter.py" line="+115"/>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
</context>
<context>
    <name>GrievanceDetail</name>
    <message>
        <location filename="../../app/ui/views/grievance_detail.py" line="+88"/>
        <source>Save the grievance receipt</source>
        <translation>Enregistrer l'accusé de réception</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>← Back to list</source>
        <translation>← Retour à la liste</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Language of the complainant's slip</source>
        <translation>Langue du coupon du/de la plaignant(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+408"/>
        <location line="+8"/>
        <source>Print receipt…</source>
        <translation>Imprimer l'accusé…</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments and history</source>
        <translation>Commentaires et historique</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer due</source>
        <translation>Réponse due le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complainant</source>
        <translation>Plaignant(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>Reçue par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Work on this ticket</source>
        <translation>Traiter cette plainte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A comment, the resolution, or the reason for closing or reopening</source>
        <translation>Un commentaire, la résolution, ou le motif de clôture ou de réouverture</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add comment</source>
        <translation>Ajouter le commentaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start work</source>
        <translation>Commencer le traitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resolve needs the resolution, Reopen a reason, and Close a reason unless the ticket is resolved.</source>
        <translation>Résoudre demande la résolution, Rouvrir un motif, et Clôturer un motif si la plainte n’est pas résolue.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Assign to</source>
        <translation>Attribuer à</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>The answer was due on {date}.</source>
        <translation>La réponse était due le {date}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nobody yet</source>
        <translation>Personne pour l’instant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not resolved yet</source>
        <translation>Pas encore résolue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No description.</source>
        <translation>Pas de description.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No comments yet.</source>
        <translation>Pas encore de commentaire.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown user</source>
        <translation>utilisateur inconnu</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
</context>
<context>
    <name>GrievanceDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/grievance_dialog.py" line="+40"/>
        <source>Register a grievance</source>
        <translation>Enregistrer une plainte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{category} (answer within {days} days)</source>
        <translation>{category} (réponse sous {days} jours)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In a few words, what is the grievance about?</source>
        <translation>En quelques mots, quel est l’objet de la plainte ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What happened, when and where, in the complainant's words</source>
        <translation>Ce qui s’est passé, quand et où, avec les mots du/de la plaignant(e)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anonymous: do not record who complains</source>
        <translation>Anonyme : ne pas enregistrer qui se plaint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To call back about the answer</source>
        <translation>Pour rappeler au sujet de la réponse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sensitive: the complainant's slip will show only the ticket number, the date and how to follow up.</source>
        <translation>Sensible : le coupon du/de la plaignant(e) ne montrera que le numéro de ticket, la date et le moyen de suivre la plainte.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complainant's name</source>
        <translation>Nom du/de la plaignant(e)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked household</source>
        <translation>Ménage concerné</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Register</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not recorded for an anonymous grievance</source>
        <translation>Non enregistré pour une plainte anonyme</translation>
    </message>
</context>
<context>
    <name>GrievanceTableModel</name>
    <message numerus="yes">
        <location filename="../../app/ui/itemmodels/grievance_table_model.py" line="+57"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n jour de retard</numerusform>
            <numerusform>%n jours de retard</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complainant</source>
        <translation>Plaignant(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>Overdue: received on {received}, the answer was due on {due}.</source>
        <translation>En retard : reçue le {received}, la réponse était due le {due}.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
</context>
<context>
    <name>GrievancesView</name>
    <message>
        <location filename="../../app/ui/views/grievances_view.py" line="+67"/>
        <source>Search ticket, subject, complainant, phone or household code</source>
        <translation>Rechercher un ticket, un objet, un(e) plaignant(e), un téléphone ou un code ménage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue only</source>
        <translation>En retard seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New grievance…</source>
        <translation>Nouvelle plainte…</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>No grievance found</source>
        <translation>Aucune plainte trouvée</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln grievance(s)</source>
        <translation>
            <numerusform>%Ln plainte</numerusform>
            <numerusform>%Ln plaintes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search failed</source>
        <translation>La recherche a échoué</translation>
    </message>
</context>
<context>
    <name>HouseholdCompliancePanel</name>
    <message>
        <location filename="../../app/ui/views/household_compliance_panel.py" line="+49"/>
        <source>No conditions apply to this household.</source>
        <translation>Aucune condition ne s’applique à ce ménage.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{met} met, {not_met} not met, {missing} not reported</source>
        <translation>{met} respecté, {not_met} non respecté, {missing} non renseigné</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Household compliance</source>
        <translation>Conditionnalités du ménage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a row to see its household's compliance.</source>
        <translation>Choisissez une ligne pour voir le respect des conditions par son ménage.</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../app/ui/views/household_page.py" line="+65"/>
        <source>← Back to list</source>
        <translation>← Retour à la liste</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ward</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>GPS position</source>
        <translation>Position GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay point</source>
        <translation>Point de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PMT score</source>
        <translation>Score PMT</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <location line="+9"/>
        <location line="+11"/>
        <location line="+17"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship</source>
        <translation>Lien de parenté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>National ID</source>
        <translation>N° d’identité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role in household</source>
        <translation>Rôle dans le ménage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account number</source>
        <translation>Numéro de compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account name</source>
        <translation>Titulaire du compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holder</source>
        <translation>Bénéficiaire du compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old value</source>
        <translation>Ancienne valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Household not available</source>
        <translation>Ménage introuvable</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>None assigned</source>
        <translation>Aucun</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n sync conflict(s) on this household wait for a decision.</source>
        <translation>
            <numerusform>%n conflit de synchronisation sur ce ménage attend une décision.</numerusform>
            <numerusform>%n conflits de synchronisation sur ce ménage attendent une décision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n change(s) not yet sent to HQ.</source>
        <translation>
            <numerusform>%n modification pas encore envoyée au siège.</numerusform>
            <numerusform>%n modifications pas encore envoyées au siège.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Members ({n})</source>
        <translation>Membres ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programmes ({n})</source>
        <translation>Programmes ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment accounts ({n})</source>
        <translation>Comptes de paiement ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History ({n})</source>
        <translation>Historique ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grievances ({n})</source>
        <translation>Plaintes ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/household_rows.py" line="+26"/>
        <source>Head</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Primary recipient</source>
        <translation>Bénéficiaire principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secondary recipient</source>
        <translation>Bénéficiaire suppléant</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déménager</translation>
    </message>
    <message>
        <source>Payment account</source>
        <translation>Compte de paiement</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>Modifier le membre</translation>
    </message>
    <message>
        <source>Make head</source>
        <translation>Nommer chef</translation>
    </message>
    <message>
        <source>Make primary recipient</source>
        <translation>Bénéficiaire principal</translation>
    </message>
    <message>
        <source>Make secondary recipient</source>
        <translation>Bénéficiaire secondaire</translation>
    </message>
    <message>
        <source>Record death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>Left the household</source>
        <translation>A quitté le ménage</translation>
    </message>
    <message>
        <source>Open the conflict inbox</source>
        <translation>Ouvrir les conflits</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to this household wait for a supervisor&apos;s approval (Approvals).</source>
        <translation>
            <numerusform>%n modification de ce ménage attend l&apos;approbation d&apos;un superviseur (Approbations).</numerusform>
            <numerusform>%n modifications de ce ménage attendent l&apos;approbation d&apos;un superviseur (Approbations).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../app/ui/widgets/household_picker.py" line="+44"/>
        <source>Type a name, household code, national ID or phone</source>
        <translation>Tapez un nom, un code ménage, un n° d’identité ou un téléphone</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>No household found</source>
        <translation>Aucun ménage trouvé</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../app/ui/itemmodels/household_table_model.py" line="+58"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of household</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay point</source>
        <translation>Point de paiement</translation>
    </message>
</context>
<context>
    <name>HouseholdsView</name>
    <message>
        <location filename="../../app/ui/views/households_view.py" line="+42"/>
        <source>Search name, household code, national ID or phone</source>
        <translation>Rechercher un nom, un code ménage, un n° d’identité ou un téléphone</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>All villages</source>
        <translation>Tous les villages</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{village} ({code}), ward {ward}</source>
        <translation>{village} ({code}), commune de {ward}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All programmes</source>
        <translation>Tous les programmes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any enrolment status</source>
        <translation>Tout statut d’inscription</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No household found</source>
        <translation>Aucun ménage trouvé</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln household(s)</source>
        <translation>
            <numerusform>%Ln ménage</numerusform>
            <numerusform>%Ln ménages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln+ household(s)</source>
        <translation>
            <numerusform>%Ln+ ménages</numerusform>
            <numerusform>%Ln+ ménages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search failed</source>
        <translation>La recherche a échoué</translation>
    </message>
    <message>
        <source>Register a household…</source>
        <translation>Enregistrer un ménage…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/login_dialog.py" line="+31"/>
        <source>Sign in to Roster</source>
        <translation>Connexion à Roster</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in with your Roster account. It works without a connection.</source>
        <translation>Connectez-vous avec votre compte Roster. Cela fonctionne sans connexion Internet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in with your Roster account for {district}.</source>
        <translation>Connectez-vous avec votre compte Roster pour {district}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter your user name and password.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Connect to HQ…</source>
        <translation>Se connecter au siège…</translation>
    </message>
    <message>
        <source>First time on this laptop: connect it to HQ with your account.</source>
        <translation>Première utilisation sur cet ordinateur : connectez-le au siège avec votre compte.</translation>
    </message>
    <message>
        <source>This laptop is not connected to HQ yet. Connect it once with your Roster account; afterwards you sign in here, even offline.</source>
        <translation>Cet ordinateur n’est pas encore connecté au siège. Connectez-le une fois avec votre compte Roster ; ensuite vous vous identifiez ici, même hors ligne.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+74"/>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grievances</source>
        <translation>Plaintes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance</source>
        <translation>Conditionnalités</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Roster</source>
        <translation>À &amp;propos de Roster</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{user} ({role})</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not signed in (read only)</source>
        <translation>Non connecté (lecture seule)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>District: {name}</source>
        <translation>District : {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending changes: {n}</source>
        <translation>Modifications en attente : {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open conflicts: {n}</source>
        <translation>Conflits ouverts : {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to HQ; changes are sent at the next sync.</source>
        <translation>Relié au siège ; les modifications partent à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This laptop is not connected to HQ yet.</source>
        <translation>Cet ordinateur n’est pas encore relié au siège.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync: never</source>
        <translation>Dernière synchro : jamais</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync: {when}</source>
        <translation>Dernière synchro : {when}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>all districts</source>
        <translation>tous les districts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roster — {district} — read only</source>
        <translation>Roster — {district} — lecture seule</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roster — {district}</source>
        <translation>Roster — {district}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used from the next start of Roster.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Roster.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Roster</source>
        <translation>À propos de Roster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roster {version}
Social protection MIS for district offices.

Database: {db}
Log file: {log}</source>
        <translation>Roster {version}
SIG de protection sociale pour les bureaux de district.

Base de données : {db}
Fichier journal : {log}</translation>
    </message>
    <message>
        <source>Roster is locked. Sign in to continue.</source>
        <translation>Roster est verrouillé. Identifiez-vous pour continuer.</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser</translation>
    </message>
    <message>
        <source>&amp;Connect to HQ…</source>
        <translation>Se &amp;connecter au siège…</translation>
    </message>
    <message>
        <source>&amp;Register a household…</source>
        <translation>&amp;Enregistrer un ménage…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Open the conflict inbox</source>
        <translation>Ouvrir les conflits</translation>
    </message>
    <message>
        <source>Demo district</source>
        <translation>District de démonstration</translation>
    </message>
    <message>
        <source>A demo district never syncs with HQ.</source>
        <translation>Un district de démonstration ne se synchronise jamais avec le siège.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>This laptop is not connected to HQ yet: File › Connect to HQ…</source>
        <translation>Cet ordinateur n’est pas encore connecté au siège : Fichier › Se connecter au siège…</translation>
    </message>
    <message>
        <source>HQ was not reached at the last attempt; changes wait on this laptop.</source>
        <translation>Le siège n’a pas été joint à la dernière tentative ; les modifications attendent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problème de synchronisation</translation>
    </message>
    <message>
        <source>The last sync failed; changes wait on this laptop.</source>
        <translation>La dernière synchronisation a échoué ; les modifications attendent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>The last sync with HQ succeeded.</source>
        <translation>La dernière synchronisation avec le siège a réussi.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Une synchronisation est déjà en cours.</translation>
    </message>
    <message>
        <source>Sync done: {sent} sent, {received} received.</source>
        <translation>Synchronisation terminée : {sent} envoyées, {received} reçues.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sync cancelled; what was already sent or received is kept.</source>
        <translation>Synchronisation annulée ; ce qui a déjà été envoyé ou reçu est conservé.</translation>
    </message>
    <message>
        <source>Connect to HQ</source>
        <translation>Se connecter au siège</translation>
    </message>
    <message>
        <source>This laptop is connected to HQ as {user}; the district was downloaded.</source>
        <translation>Cet ordinateur est connecté au siège en tant que {user} ; le district a été téléchargé.</translation>
    </message>
    <message>
        <source>Roster is locked</source>
        <translation>Roster est verrouillé</translation>
    </message>
    <message>
        <source>Roster was locked after a period without use. Enter your password.</source>
        <translation>Roster a été verrouillé après une période d’inactivité. Saisissez votre mot de passe.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your decision.</source>
        <translation>
            <numerusform>%n conflit attend votre décision.</numerusform>
            <numerusform>%n conflits attendent votre décision.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Recertification</source>
        <translation>Recertification</translation>
    </message>
    <message>
        <source>&amp;Import beneficiaries…</source>
        <translation>&amp;Importer des bénéficiaires…</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <location filename="../../app/ui/views/placeholder_view.py" line="+17"/>
        <source>Coming soon in this version.</source>
        <translation>Bientôt disponible dans cette version.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/ui/labels.py" line="+16"/>
        <location line="+52"/>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landmark</source>
        <translation>Repère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS position</source>
        <translation>Position GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PMT score</source>
        <translation>Score PMT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Head of household</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+41"/>
        <source>Primary recipient</source>
        <translation>Bénéficiaire principal</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+41"/>
        <source>Secondary recipient</source>
        <translation>Bénéficiaire suppléant</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship</source>
        <translation>Lien de parenté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>N° d’identité nationale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account number</source>
        <translation>Numéro de compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periods</source>
        <translation>Périodes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Jusqu’à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attended</source>
        <translation>Présences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complainant</source>
        <translation>Plaignant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complainant&apos;s name</source>
        <translation>Nom du plaignant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment cycle</source>
        <translation>Cycle de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payroll</source>
        <translation>État de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days worked</source>
        <translation>Jours travaillés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid on</source>
        <translation>Payé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status reason</source>
        <translation>Motif du statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status date</source>
        <translation>Date du statut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pay point</source>
        <translation>Point de paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of death</source>
        <translation>Date de décès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disability</source>
        <translation>Handicap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health facility</source>
        <translation>Formation sanitaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment method</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account holder</source>
        <translation>Titulaire du compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+42"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival reason</source>
        <translation>Motif d’arrivée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered on</source>
        <translation>Enregistré le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled on</source>
        <translation>Inscrit le</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+48"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Complainant's phone</source>
        <translation>Téléphone du/de la plaignant(e)</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Benefit adjustment</source>
        <translation>Ajustement de la prestation</translation>
    </message>
    <message>
        <source>Overpayment to recover</source>
        <translation>Trop-perçu à recouvrer</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="+25"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long: at most {max} characters.</source>
        <translation>Trop long : {max} caractères au maximum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid phone number: use 6 to 15 digits, optionally starting with +.</source>
        <translation>Numéro de téléphone non valide : 6 à 15 chiffres, éventuellement précédés de +.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid national ID: 4 to 40 letters, digits or dashes.</source>
        <translation>N° d’identité non valide : 4 à 40 lettres, chiffres ou tirets.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not one of the allowed values ({allowed}).</source>
        <translation>Valeur non autorisée (valeurs possibles : {allowed}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid date (use YYYY-MM-DD).</source>
        <translation>Date non valide (format AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date cannot be in the future.</source>
        <translation>La date ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date is before 1900.</source>
        <translation>La date est antérieure à 1900.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date is before the person&apos;s birth.</source>
        <translation>La date est antérieure à la naissance de la personne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A birth must be recent: record older arrivals as an arrival instead.</source>
        <translation>Une naissance doit être récente : enregistrez plutôt une arrivée pour une personne plus âgée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give both latitude and longitude, or none.</source>
        <translation>Indiquez la latitude et la longitude, ou aucune des deux.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude must be between -90 and 90, longitude between -180 and 180.</source>
        <translation>La latitude doit être comprise entre -90 et 90, la longitude entre -180 et 180.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the position as latitude,longitude (for example 12.88,-14.95).</source>
        <translation>Écrivez la position sous la forme latitude,longitude (par exemple 12.88,-14.95).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a number.</source>
        <translation>Ce n’est pas un nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This field cannot be edited here (editable: {allowed}).</source>
        <translation>Ce champ ne se modifie pas ici (modifiables : {allowed}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This member field cannot be edited here (editable: {allowed}).</source>
        <translation>Ce champ du membre ne se modifie pas ici (modifiables : {allowed}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A household needs at least one member.</source>
        <translation>Un ménage doit compter au moins un membre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is not a member of the household.</source>
        <translation>Cette personne n’est pas membre du ménage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is no longer in the household ({status}).</source>
        <translation>Cette personne ne fait plus partie du ménage ({status}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person is the head of household: choose a new head first.</source>
        <translation>Cette personne est chef de ménage : désignez d’abord un nouveau chef.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person collects the payments: choose a new primary recipient first.</source>
        <translation>Cette personne perçoit les paiements : désignez d’abord un nouveau bénéficiaire principal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person is already the head.</source>
        <translation>Cette personne est déjà chef de ménage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is already the recipient.</source>
        <translation>Cette personne est déjà bénéficiaire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The primary recipient cannot also be the secondary recipient.</source>
        <translation>Le bénéficiaire principal ne peut pas être aussi le suppléant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This national ID is already registered for another person.</source>
        <translation>Ce n° d’identité est déjà enregistré pour une autre personne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The household is no longer active.</source>
        <translation>Le ménage n’est plus actif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown village: {value}.</source>
        <translation>Village inconnu : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a village.</source>
        <translation>{value} n’est pas un village.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This location is not attached to a district.</source>
        <translation>Cette localité n’est rattachée à aucun district.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown service point: {value}.</source>
        <translation>Point de service inconnu : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The household already lives there.</source>
        <translation>Le ménage habite déjà à cet endroit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This village is in another district: request a transfer instead.</source>
        <translation>Ce village se trouve dans un autre district : demandez plutôt un transfert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is already the current value.</source>
        <translation>C’est déjà la valeur actuelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A user name may contain only letters, digits, dots and underscores.</source>
        <translation>Un nom d’utilisateur ne peut contenir que des lettres, des chiffres, des points et des tirets bas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password must have at least {min} characters.</source>
        <translation>Le mot de passe doit comporter au moins {min} caractères.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user name {value} is already taken.</source>
        <translation>Le nom d’utilisateur {value} est déjà pris.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown role: {value}.</source>
        <translation>Rôle inconnu : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This value is not valid here ({detail}).</source>
        <translation>Cette valeur n’est pas valide ici ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This conflict was already resolved.</source>
        <translation>Ce conflit a déjà été résolu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown programme: {value}.</source>
        <translation>Programme inconnu : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown district: {value}.</source>
        <translation>District inconnu : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a district.</source>
        <translation>Choisissez un district.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown person.</source>
        <translation>Personne inconnue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown user: {value}.</source>
        <translation>Utilisateur inconnu : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This user works in another district.</source>
        <translation>Cet utilisateur travaille dans un autre district.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This user&apos;s role cannot handle grievances.</source>
        <translation>Le rôle de cet utilisateur ne permet pas de traiter les plaintes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This user&apos;s role cannot follow up accompanying measures.</source>
        <translation>Le rôle de cet utilisateur ne permet pas de suivre les mesures d’accompagnement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Already assigned to this user.</source>
        <translation>Déjà attribué à cet utilisateur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave this empty for an anonymous grievance.</source>
        <translation>Laissez ce champ vide pour une plainte anonyme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the complainant&apos;s name, or mark the grievance as anonymous.</source>
        <translation>Indiquez le nom du plaignant ou marquez la plainte comme anonyme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a reason for closing without a resolution.</source>
        <translation>Indiquez pourquoi la plainte est clôturée sans résolution.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid period (use {format}).</source>
        <translation>Période non valide (format {format}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period cannot be in the future.</source>
        <translation>La période ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown condition: {value}.</source>
        <translation>Condition inconnue : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The condition has an unknown age rule ({value}).</source>
        <translation>La condition a une règle d’âge inconnue ({value}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This service point is of the wrong kind (expected: {expected}).</source>
        <translation>Ce point de service n’est pas du bon type (attendu : {expected}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number cannot be negative.</source>
        <translation>Le nombre ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attended cannot exceed expected ({expected}).</source>
        <translation>Les présences ne peuvent pas dépasser le nombre attendu ({expected}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The outcome contradicts the attendance, which gives {derived}.</source>
        <translation>Le résultat contredit les présences, qui donnent {derived}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give either the outcome or the attendance.</source>
        <translation>Indiquez soit le résultat, soit les présences.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the expected number along with the attended number.</source>
        <translation>Indiquez le nombre attendu avec le nombre de présences.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter at least one line.</source>
        <translation>Saisissez au moins une ligne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give at least one.</source>
        <translation>Indiquez-en au moins un.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is entered twice.</source>
        <translation>Cette personne est saisie deux fois.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already recorded for this period ({outcome}).</source>
        <translation>Déjà enregistré pour cette période ({outcome}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is nothing to change.</source>
        <translation>Il n’y a rien à modifier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is not enrolled in a programme with activities.</source>
        <translation>Cette personne n’est inscrite à aucun programme comportant des activités.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the programme (one of {choices}).</source>
        <translation>Choisissez le programme (parmi {choices}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown activity: {value}.</source>
        <translation>Activité inconnue : {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This activity opens once activity {previous} is completed.</source>
        <translation>Cette activité s’ouvrira une fois l’activité {previous} terminée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This activity is already completed.</source>
        <translation>Cette activité est déjà terminée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More days than remain for this activity ({remaining}).</source>
        <translation>Plus de jours qu’il n’en reste pour cette activité ({remaining}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown benefit criterion.</source>
        <translation>Critère de prestation inconnu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid amount.</source>
        <translation>Montant non valide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The programme&apos;s benefit rules are not valid: ask HQ to correct them.</source>
        <translation>Les règles de prestation du programme ne sont pas valides : demandez au siège de les corriger.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment cycle is not open ({status}).</source>
        <translation>Ce cycle de paiement n’est pas ouvert ({status}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment cycle {cycle} does not belong to programme {programme}.</source>
        <translation>Le cycle de paiement {cycle} n’appartient pas au programme {programme}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} payments of this payroll are already settled.</source>
        <translation>{count} paiements de cet état de paiement sont déjà réglés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type at least {min} characters of the reference.</source>
        <translation>Saisissez au moins {min} caractères de la référence.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} matches several records: type more of it.</source>
        <translation>{value} correspond à plusieurs fiches : précisez la saisie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The payment date is before the payroll was approved.</source>
        <translation>La date de paiement précède l’approbation de l’état de paiement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} payments still have no outcome (paid or unpaid).</source>
        <translation>{count} paiements n’ont pas encore de résultat (payé ou non payé).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is not UTF-8 text: save it as CSV UTF-8 and try again.</source>
        <translation>Le fichier n’est pas un texte UTF-8 : enregistrez-le en CSV UTF-8 et réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file cannot be read ({error}).</source>
        <translation>Le fichier ne peut pas être lu ({error}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file lacks columns: {columns}.</source>
        <translation>Colonnes manquantes dans le fichier : {columns}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has no rows.</source>
        <translation>Le fichier ne contient aucune ligne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This payroll is not approved for payment.</source>
        <translation>Cet état de paiement n’est pas approuvé pour le paiement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment was not found.</source>
        <translation>Ce paiement est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This grievance was not found.</source>
        <translation>Cette plainte est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This grievance is no longer open.</source>
        <translation>Cette plainte n’est plus ouverte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use Resolve, with a resolution.</source>
        <translation>Utilisez « Résoudre », avec une résolution.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use Close to close a grievance.</source>
        <translation>Utilisez « Clôturer » pour clôturer une plainte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use Reopen, with a reason.</source>
        <translation>Utilisez « Rouvrir », avec un motif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The grievance is not resolved yet.</source>
        <translation>La plainte n’est pas encore résolue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This measure was not found.</source>
        <translation>Cette mesure est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This measure is already finished.</source>
        <translation>Cette mesure est déjà terminée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This programme was not found.</source>
        <translation>Ce programme est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This payment cycle was not found.</source>
        <translation>Ce cycle de paiement est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This payroll was not found.</source>
        <translation>Cet état de paiement est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A payroll already exists for this cycle and district.</source>
        <translation>Un état de paiement existe déjà pour ce cycle et ce district.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person who generated a payroll cannot approve it.</source>
        <translation>La personne qui a généré un état de paiement ne peut pas l’approuver.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your district is not in this database: download it from HQ first.</source>
        <translation>Votre district n’est pas dans cette base : téléchargez-le d’abord depuis le siège.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some fields need correcting.</source>
        <translation>Certains champs sont à corriger.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record was not found.</source>
        <translation>Fiche introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This household was not found; it may have been removed.</source>
        <translation>Ce ménage est introuvable ; il a peut-être été supprimé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person was not found.</source>
        <translation>Cette personne est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sync conflict was not found.</source>
        <translation>Ce conflit de synchronisation est introuvable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This status change is not allowed.</source>
        <translation>Ce changement de statut n’est pas autorisé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record already has this status.</source>
        <translation>La fiche a déjà ce statut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are not allowed to do this.</source>
        <translation>Vous n’êtes pas autorisé à faire cela.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role does not allow this action.</source>
        <translation>Votre rôle ne permet pas cette action.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account can view data but not change it.</source>
        <translation>Votre compte permet de consulter les données, pas de les modifier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This record belongs to another district: you cannot open or change it.</source>
        <translation>Cette fiche appartient à un autre district : vous ne pouvez ni l’ouvrir ni la modifier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody is signed in: sign in first.</source>
        <translation>Personne n’est connecté : connectez-vous d’abord.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown user name or wrong password.</source>
        <translation>Nom d’utilisateur inconnu ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed attempts: wait a minute, then try again.</source>
        <translation>Trop de tentatives échouées : patientez une minute, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database was created by a newer version of Roster. Install the newer version; the database was not changed.</source>
        <translation>Cette base de données a été créée par une version plus récente de Roster. Installez cette version ; la base de données n’a pas été modifiée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This file is not a Roster database. Choose another data folder; the file was not changed.</source>
        <translation>Ce fichier n’est pas une base de données Roster. Choisissez un autre dossier de données ; le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Internal error: a change was not recorded for synchronisation.</source>
        <translation>Erreur interne : une modification n’a pas été enregistrée pour la synchronisation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operation was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop is not connected to HQ yet: ask your supervisor to connect it.</source>
        <translation>Cet ordinateur n’est pas encore relié au siège : demandez à votre superviseur de le connecter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HQ cannot be reached. Check the connection and try again later.</source>
        <translation>Le siège est injoignable. Vérifiez la connexion et réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synchronisation with HQ failed.</source>
        <translation>La synchronisation avec le siège a échoué.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This data folder is already connected to another HQ or district.</source>
        <translation>Ce dossier de données est déjà relié à un autre siège ou district.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unexpected error ({code}).</source>
        <translation>Erreur inattendue ({code}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: {message}</source>
        <translation>{field} : {message}</translation>
    </message>
    <message>
        <source>The household is not enrolled in this condition's programme.</source>
        <translation>Le ménage n'est pas inscrit au programme de cette condition.</translation>
    </message>
    <message>
        <source>This person's age is outside the condition's age group.</source>
        <translation>L'âge de cette personne est hors de la tranche d'âge de la condition.</translation>
    </message>
    <message>
        <source>This person is not listed at this school, clinic or works site.</source>
        <translation>Cette personne n'est pas inscrite dans cette école, ce centre de santé ou ce chantier.</translation>
    </message>
    <message>
        <source>The fonts needed for printing are missing: reinstall Roster.</source>
        <translation>Les polices nécessaires à l'impression sont absentes : réinstallez Roster.</translation>
    </message>
    <message>
        <source>Not part of this payroll.</source>
        <translation>Ne fait pas partie de cette liste de paie.</translation>
    </message>
    <message>
        <source>This payroll cannot be printed in its current status.</source>
        <translation>Cette liste de paie ne peut pas être imprimée dans son état actuel.</translation>
    </message>
    <message>
        <source>The payment date is before the start of the payment cycle ({start}).</source>
        <translation>La date de paiement précède le début du cycle de paiement ({start}).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel (.xlsx) file; {value} files cannot be read.</source>
        <translation>Choisissez un fichier CSV ou Excel (.xlsx) ; les fichiers {value} ne peuvent pas être lus.</translation>
    </message>
    <message>
        <source>The file has these columns twice: {columns}.</source>
        <translation>Le fichier contient ces colonnes en double : {columns}.</translation>
    </message>
    <message>
        <source>This programme has ended: it takes no new enrolments.</source>
        <translation>Ce programme est terminé : il n’accepte plus d’inscriptions.</translation>
    </message>
    <message>
        <source>Unknown role in the household: {value} (use one of {allowed}).</source>
        <translation>Rôle dans le ménage inconnu : {value} (valeurs possibles : {allowed}).</translation>
    </message>
    <message>
        <source>Give the sex (M or F): the role {role} does not tell it.</source>
        <translation>Indiquez le sexe (M ou F) : le rôle {role} ne permet pas de le déduire.</translation>
    </message>
    <message>
        <source>Use 1 (primary recipient), 2 (secondary recipient), 0 or nothing.</source>
        <translation>Indiquez 1 (bénéficiaire principal), 2 (bénéficiaire secondaire), 0 ou rien.</translation>
    </message>
    <message>
        <source>Household {group} has no HEAD.</source>
        <translation>Le ménage {group} n’a pas de chef (HEAD).</translation>
    </message>
    <message>
        <source>Household {group} already has its HEAD on row {first}.</source>
        <translation>Le ménage {group} a déjà son chef (HEAD) à la ligne {first}.</translation>
    </message>
    <message>
        <source>Household {group} already has a primary recipient on row {first}.</source>
        <translation>Le ménage {group} a déjà un bénéficiaire principal à la ligne {first}.</translation>
    </message>
    <message>
        <source>Household {group} already has a secondary recipient on row {first}.</source>
        <translation>Le ménage {group} a déjà un bénéficiaire secondaire à la ligne {first}.</translation>
    </message>
    <message>
        <source>Nobody in household {group} is marked 1, so the head is the primary recipient and cannot also be the secondary one.</source>
        <translation>Personne n’est marqué 1 dans le ménage {group} : le chef est donc le bénéficiaire principal et ne peut pas être aussi le secondaire.</translation>
    </message>
    <message>
        <source>Household {group} is in village {first_value} on row {first}: all its rows need the same village.</source>
        <translation>Le ménage {group} est dans le village {first_value} à la ligne {first} : toutes ses lignes doivent avoir le même village.</translation>
    </message>
    <message>
        <source>This national ID is also on row {first}.</source>
        <translation>Ce numéro d’identité figure aussi à la ligne {first}.</translation>
    </message>
    <message>
        <source>The same person (names and date of birth) is already on row {first}.</source>
        <translation>La même personne (noms et date de naissance) figure déjà à la ligne {first}.</translation>
    </message>
    <message>
        <source>Someone with these names and date of birth already lives in this village (household {household}).</source>
        <translation>Une personne de mêmes noms et date de naissance vit déjà dans ce village (ménage {household}).</translation>
    </message>
    <message>
        <source>Village {value} is not in your district.</source>
        <translation>Le village {value} n’est pas dans votre district.</translation>
    </message>
    <message>
        <source>Programme {programme} does not operate in village {value}.</source>
        <translation>Le programme {programme} n’intervient pas dans le village {value}.</translation>
    </message>
    <message>
        <source>{value} is already a household's code: this import only registers new households.</source>
        <translation>{value} est déjà le code d’un ménage : cet import n’enregistre que de nouveaux ménages.</translation>
    </message>
    <message>
        <source>Unknown column: ignored.</source>
        <translation>Colonne inconnue : ignorée.</translation>
    </message>
    <message>
        <source>The village is called {name}, not {value}; its code was used.</source>
        <translation>Le village s’appelle {name}, et non {value} ; son code a été utilisé.</translation>
    </message>
    <message>
        <source>This change needs a supervisor&apos;s approval in this programme: submit it as a request.</source>
        <translation>Dans ce programme, cette modification doit être approuvée par un superviseur : soumettez-la comme demande.</translation>
    </message>
    <message>
        <source>A change request is already waiting for approval on this record; wait for its decision or ask the maker to withdraw it.</source>
        <translation>Une demande de modification attend déjà une approbation sur cette fiche ; attendez sa décision ou demandez à son auteur de la retirer.</translation>
    </message>
    <message>
        <source>This request was already decided; refresh the list.</source>
        <translation>Cette demande a déjà été décidée ; actualisez la liste.</translation>
    </message>
    <message>
        <source>This change request no longer exists.</source>
        <translation>Cette demande de modification n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The record changed since the request was made, so it cannot be applied as asked. Reject it and make a new request if the change is still needed.</source>
        <translation>La fiche a changé depuis la demande, qui ne peut donc pas être appliquée telle quelle. Rejetez-la et faites une nouvelle demande si la modification reste nécessaire.</translation>
    </message>
    <message>
        <source>Another supervisor decided this request first; their decision stands.</source>
        <translation>Un autre superviseur a décidé cette demande en premier ; sa décision est maintenue.</translation>
    </message>
    <message>
        <source>Only the person who made a request can withdraw it.</source>
        <translation>Seul l&apos;auteur d&apos;une demande peut la retirer.</translation>
    </message>
    <message>
        <source>This enrolment no longer exists.</source>
        <translation>Cette inscription n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The enrolment already has this status.</source>
        <translation>L&apos;inscription a déjà ce statut.</translation>
    </message>
    <message>
        <source>This belongs to another district.</source>
        <translation>Ceci appartient à un autre district.</translation>
    </message>
    <message>
        <source>This amount is out of the allowed range.</source>
        <translation>Ce montant est hors des limites permises.</translation>
    </message>
    <message>
        <source>This field cannot be changed this way.</source>
        <translation>Ce champ ne peut pas être modifié de cette façon.</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <location filename="../../app/ui/labels.py" line="+77"/>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment account</source>
        <translation>Compte de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grievance</source>
        <translation>Plainte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grievance comment</source>
        <translation>Commentaire de plainte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance record</source>
        <translation>Suivi de conditionnalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accompanying measure</source>
        <translation>Mesure d’accompagnement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity progress</source>
        <translation>Avancement d’activité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change request</source>
        <translation>Demande de modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrective action</source>
        <translation>Action corrective</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../../app/ui/app.py" line="+147"/>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <location filename="../../app/ui/labels.py" line="-83"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissolved</source>
        <translation>Dissous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased</source>
        <translation>Décédé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Parti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potential</source>
        <translation>Potentiel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduated</source>
        <translation>Sorti par graduation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exited</source>
        <translation>Sorti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manually checked</source>
        <translation>Vérifié manuellement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse</source>
        <translation>Conjoint(e)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Son</source>
        <translation>Fils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daughter</source>
        <translation>Fille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Father</source>
        <translation>Père</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mother</source>
        <translation>Mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandfather</source>
        <translation>Grand-père</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandmother</source>
        <translation>Grand-mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandson</source>
        <translation>Petit-fils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granddaughter</source>
        <translation>Petite-fille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brother</source>
        <translation>Frère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sister</source>
        <translation>Sœur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other relative</source>
        <translation>Autre parent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not related</source>
        <translation>Sans lien de parenté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moved out of the area</source>
        <translation>Parti hors de la zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No eligible member</source>
        <translation>Aucun membre éligible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household dissolved</source>
        <translation>Ménage dissous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible</source>
        <translation>Non éligible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraud</source>
        <translation>Fraude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voluntary</source>
        <translation>Volontaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recertification</source>
        <translation>Recertification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studies</source>
        <translation>Études</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined another household</source>
        <translation>A rejoint un autre ménage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile money</source>
        <translation>Mobile money</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>District officer</source>
        <translation>Agent de district</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ administrator</source>
        <translation>Administrateur du siège</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viewer (read only)</source>
        <translation>Consultation (lecture seule)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En personne</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Appel téléphonique</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Community meeting</source>
        <translation>Réunion communautaire</translation>
    </message>
    <message>
        <source>Suggestion box</source>
        <translation>Boîte à suggestions</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Targeting and eligibility</source>
        <translation>Ciblage et éligibilité</translation>
    </message>
    <message>
        <source>Service quality</source>
        <translation>Qualité du service</translation>
    </message>
    <message>
        <source>Staff misconduct or abuse</source>
        <translation>Faute ou abus d’un agent</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Respecté</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Non respecté</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Exempté</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Sans objet</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>Non conforme</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Pas de données</translation>
    </message>
    <message>
        <source>School attendance</source>
        <translation>Assiduité scolaire</translation>
    </message>
    <message>
        <source>Health visits</source>
        <translation>Visites de santé</translation>
    </message>
    <message>
        <source>Days of work</source>
        <translation>Jours de travail</translation>
    </message>
    <message>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <source>Health facility</source>
        <translation>Centre de santé</translation>
    </message>
    <message>
        <source>Works site</source>
        <translation>Chantier</translation>
    </message>
    <message>
        <source>Payment account change</source>
        <translation>Changement de compte de paiement</translation>
    </message>
    <message>
        <source>Enrolment status change</source>
        <translation>Changement de statut d&apos;inscription</translation>
    </message>
    <message>
        <source>Head or recipient change</source>
        <translation>Changement de chef ou de bénéficiaire</translation>
    </message>
    <message>
        <source>Move out of a programme&apos;s area</source>
        <translation>Déménagement hors de la zone d&apos;un programme</translation>
    </message>
    <message>
        <source>Member leaving</source>
        <translation>Départ d&apos;un membre</translation>
    </message>
    <message>
        <source>Benefit adjustment</source>
        <translation>Ajustement de la prestation</translation>
    </message>
    <message>
        <source>Pay point change</source>
        <translation>Changement de point de paiement</translation>
    </message>
    <message>
        <source>Overpayment recovery</source>
        <translation>Recouvrement d&apos;un trop-perçu</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <source>When this laptop and HQ changed the same important field, the field waits for your decision. Your decision is sent to HQ at the next sync.</source>
        <translation>Quand cet ordinateur et le siège ont modifié le même champ important, le champ attend votre décision. Votre décision est envoyée au siège à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Votre valeur</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>HQ's value</source>
        <translation>Valeur du siège</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>Valeur actuelle</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre celle du siège</translation>
    </message>
    <message>
        <source>New value…</source>
        <translation>Nouvelle valeur…</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>Ouvrir le ménage</translation>
    </message>
    <message>
        <source>Needs your decision ({n})</source>
        <translation>À décider ({n})</translation>
    </message>
    <message>
        <source>Settled automatically ({n})</source>
        <translation>Réglés automatiquement ({n})</translation>
    </message>
    <message>
        <source>Refused by HQ ({n})</source>
        <translation>Refusés par le siège ({n})</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>En attente de décision</translation>
    </message>
    <message>
        <source>Kept this laptop's value</source>
        <translation>Valeur de cet ordinateur gardée</translation>
    </message>
    <message>
        <source>Took HQ's value</source>
        <translation>Valeur du siège prise</translation>
    </message>
    <message>
        <source>New value set</source>
        <translation>Nouvelle valeur saisie</translation>
    </message>
    <message>
        <source>Latest change kept</source>
        <translation>Dernière modification gardée</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to HQ</source>
        <translation>Se connecter au siège</translation>
    </message>
    <message>
        <source>Connect this laptop to HQ once, with your Roster account. Your district is downloaded; afterwards Roster works offline and syncs when HQ can be reached.</source>
        <translation>Connectez cet ordinateur au siège une seule fois, avec votre compte Roster. Votre district est téléchargé ; ensuite Roster fonctionne hors ligne et se synchronise quand le siège est joignable.</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter the HQ address, your user name and password.</source>
        <translation>Saisissez l’adresse du siège, votre nom d’utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Contacting HQ…</source>
        <translation>Contact avec le siège…</translation>
    </message>
    <message>
        <source>Cancelled. Connect again to finish the download.</source>
        <translation>Annulé. Reconnectez-vous pour terminer le téléchargement.</translation>
    </message>
</context>
<context>
    <name>DepartureDialog</name>
    <message>
        <source>Record the death of {name}</source>
        <translation>Enregistrer le décès de {name}</translation>
    </message>
    <message>
        <source>{name} left the household</source>
        <translation>{name} a quitté le ménage</translation>
    </message>
    <message>
        <source>{name} is the last member: the household will be dissolved and its programmes exited.</source>
        <translation>{name} est le dernier membre : le ménage sera dissous et sortira de ses programmes.</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <source>Date left</source>
        <translation>Date de départ</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>New head of household</source>
        <translation>Nouveau chef de ménage</translation>
    </message>
    <message>
        <source>Choose for me</source>
        <translation>Choisir pour moi</translation>
    </message>
    <message>
        <source>By default the secondary recipient, else the head, takes over.</source>
        <translation>Par défaut, le bénéficiaire secondaire, sinon le chef, prend le relais.</translation>
    </message>
    <message>
        <source>New primary recipient</source>
        <translation>Nouveau bénéficiaire principal</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>HouseholdActions</name>
    <message>
        <source>The household was moved.</source>
        <translation>Le ménage a été déplacé.</translation>
    </message>
    <message>
        <source>Exited (the programme does not operate there): {codes}.</source>
        <translation>Sorti (le programme n’intervient pas là) : {codes}.</translation>
    </message>
    <message>
        <source>All its programmes continue in the new village.</source>
        <translation>Tous ses programmes continuent dans le nouveau village.</translation>
    </message>
    <message>
        <source>Pay point: {code}.</source>
        <translation>Point de paiement : {code}.</translation>
    </message>
    <message>
        <source>Household moved</source>
        <translation>Ménage déplacé</translation>
    </message>
    <message>
        <source>Nobody is left: the household was dissolved.</source>
        <translation>Il ne reste personne : le ménage a été dissous.</translation>
    </message>
    <message>
        <source>Programmes exited: {codes}.</source>
        <translation>Sortie des programmes : {codes}.</translation>
    </message>
    <message>
        <source>The payment account belonged to this person: give the household a new payment account.</source>
        <translation>Le compte de paiement appartenait à cette personne : donnez au ménage un nouveau compte de paiement.</translation>
    </message>
    <message>
        <source>Change recorded</source>
        <translation>Modification enregistrée</translation>
    </message>
    <message>
        <source>Sent for approval</source>
        <translation>Envoyée pour approbation</translation>
    </message>
    <message>
        <source>This change needs a supervisor&apos;s approval ({programmes}). It was saved as a change request and is applied once approved.</source>
        <translation>Cette modification doit être approuvée par un superviseur ({programmes}). Elle a été enregistrée comme demande de modification et sera appliquée une fois approuvée.</translation>
    </message>
    <message>
        <source>case decision</source>
        <translation>décision sur dossier</translation>
    </message>
    <message>
        <source>Requests are listed under Approvals.</source>
        <translation>Les demandes sont listées sous Approbations.</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailsDialog</name>
    <message>
        <source>Edit household {code}</source>
        <translation>Modifier le ménage {code}</translation>
    </message>
    <message>
        <source>latitude,longitude, e.g. 12.88,-14.95</source>
        <translation>latitude,longitude, p. ex. 12.88,-14.95</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Add a member to {code}</source>
        <translation>Ajouter un membre à {code}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Modifier {name}</translation>
    </message>
    <message>
        <source>How they joined</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Lives with a disability</source>
        <translation>Vit avec un handicap</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move household {code}</source>
        <translation>Déménagement du ménage {code}</translation>
    </message>
    <message>
        <source>Programmes that do not operate in the new village are exited, and the pay point changes to the one serving it. A move to another district is a transfer requested from HQ.</source>
        <translation>Le ménage sort des programmes qui n’interviennent pas dans le nouveau village, et son point de paiement devient celui qui dessert ce village. Un départ vers un autre district est un transfert demandé au siège.</translation>
    </message>
</context>
<context>
    <name>NewValueDialog</name>
    <message>
        <source>New value for {field}</source>
        <translation>Nouvelle valeur pour {field}</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Votre valeur</translation>
    </message>
    <message>
        <source>HQ's value</source>
        <translation>Valeur du siège</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>Utiliser cette valeur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
</context>
<context>
    <name>PaymentAccountDialog</name>
    <message>
        <source>New payment account for {code}</source>
        <translation>Nouveau compte de paiement pour {code}</translation>
    </message>
    <message>
        <source>Accounts are never edited: the new one replaces the active one, which stays in the payment history.</source>
        <translation>Un compte n’est jamais modifié : le nouveau remplace le compte actif, qui reste dans l’historique des paiements.</translation>
    </message>
    <message>
        <source>e.g. Orange Money, Wave, CBAO</source>
        <translation>p. ex. Orange Money, Wave, CBAO</translation>
    </message>
    <message>
        <source>The holder's name if empty</source>
        <translation>Le nom du titulaire si vide</translation>
    </message>
    <message>
        <source>Phone number of the wallet</source>
        <translation>Numéro de téléphone du portefeuille</translation>
    </message>
    <message>
        <source>Name on the account</source>
        <translation>Nom sur le compte</translation>
    </message>
</context>
<context>
    <name>RegisterHouseholdDialog</name>
    <message>
        <source>Register a household</source>
        <translation>Enregistrer un ménage</translation>
    </message>
    <message>
        <source>latitude,longitude, e.g. 12.88,-14.95</source>
        <translation>latitude,longitude, p. ex. 12.88,-14.95</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chef</translation>
    </message>
    <message>
        <source>Primary
recipient</source>
        <translation>Bénéf.
principal</translation>
    </message>
    <message>
        <source>Secondary
recipient</source>
        <translation>Bénéf.
secondaire</translation>
    </message>
    <message>
        <source>Remove this member</source>
        <translation>Retirer ce membre</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change the head of household</source>
        <translation>Changer le chef de ménage</translation>
    </message>
    <message>
        <source>Change the primary recipient</source>
        <translation>Changer le bénéficiaire principal</translation>
    </message>
    <message>
        <source>Change the secondary recipient</source>
        <translation>Changer le bénéficiaire secondaire</translation>
    </message>
    <message>
        <source>New head</source>
        <translation>Nouveau chef</translation>
    </message>
    <message>
        <source>Primary recipient</source>
        <translation>Bénéficiaire principal</translation>
    </message>
    <message>
        <source>Secondary recipient</source>
        <translation>Bénéficiaire secondaire</translation>
    </message>
    <message>
        <source>Relationships stay as recorded; only the head changes.</source>
        <translation>Les liens de parenté restent tels quels ; seul le chef change.</translation>
    </message>
    <message>
        <source>The primary recipient collects the payments.</source>
        <translation>Le bénéficiaire principal perçoit les paiements.</translation>
    </message>
    <message>
        <source>The secondary recipient collects when the primary cannot.</source>
        <translation>Le bénéficiaire secondaire perçoit quand le principal ne le peut pas.</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>A new language applies after Roster restarts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Roster.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Sync automatically every</source>
        <translation>Synchroniser automatiquement toutes les</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Verrouiller après inactivité de</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Contacting HQ…</source>
        <translation>Contact avec le siège…</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Envoi des modifications…</translation>
    </message>
    <message>
        <source>Sending changes: {done} of {total}</source>
        <translation>Envoi des modifications : {done} sur {total}</translation>
    </message>
    <message>
        <source>Receiving changes: {done}</source>
        <translation>Réception des modifications : {done}</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Finalisation…</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Send this laptop's changes to HQ and receive HQ's</source>
        <translation>Envoyer les modifications de cet ordinateur au siège et recevoir celles du siège</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>HQ could not be reached. Check the connection and try again; your changes are kept.</source>
        <translation>Le siège n’a pas pu être joint. Vérifiez la connexion et réessayez ; vos modifications sont conservées.</translation>
    </message>
    <message>
        <source>This laptop is not connected to HQ yet. Use File › Connect to HQ… to connect it.</source>
        <translation>Cet ordinateur n’est pas encore connecté au siège. Utilisez Fichier › Se connecter au siège… pour le connecter.</translation>
    </message>
    <message>
        <source>HQ has blocked this laptop. Ask your supervisor; your changes are kept on this laptop.</source>
        <translation>Le siège a bloqué cet ordinateur. Adressez-vous à votre superviseur ; vos modifications restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The connection to HQ has expired. Connect again with File › Connect to HQ…; your changes are kept.</source>
        <translation>La connexion au siège a expiré. Reconnectez-vous avec Fichier › Se connecter au siège… ; vos modifications sont conservées.</translation>
    </message>
    <message>
        <source>HQ did not recognise this laptop's connection. Connect again with File › Connect to HQ…; your changes are kept.</source>
        <translation>Le siège n’a pas reconnu la connexion de cet ordinateur. Reconnectez-vous avec Fichier › Se connecter au siège… ; vos modifications sont conservées.</translation>
    </message>
    <message>
        <source>HQ does not know this laptop. Connect again with File › Connect to HQ…; your changes are kept.</source>
        <translation>Le siège ne connaît pas cet ordinateur. Reconnectez-vous avec Fichier › Se connecter au siège… ; vos modifications sont conservées.</translation>
    </message>
    <message>
        <source>HQ found that this laptop's data was restored from an older copy. Call HQ support before syncing again; your changes are kept.</source>
        <translation>Le siège a constaté que les données de cet ordinateur ont été restaurées depuis une copie plus ancienne. Appelez l’assistance du siège avant de synchroniser à nouveau ; vos modifications sont conservées.</translation>
    </message>
    <message>
        <source>HQ did not accept this user name and password. Check them and try again.</source>
        <translation>Le siège n’a pas accepté ce nom d’utilisateur et ce mot de passe. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>This account is disabled at HQ. Ask your supervisor.</source>
        <translation>Ce compte est désactivé au siège. Adressez-vous à votre superviseur.</translation>
    </message>
    <message>
        <source>This data folder already holds another district's data (or the demo). Start Roster with a new data folder to connect.</source>
        <translation>Ce dossier de données contient déjà les données d’un autre district (ou de la démonstration). Démarrez Roster avec un nouveau dossier de données pour vous connecter.</translation>
    </message>
    <message>
        <source>Synchronisation with HQ failed ({code}). Try again later; your changes are kept.</source>
        <translation>La synchronisation avec le siège a échoué ({code}). Réessayez plus tard ; vos modifications sont conservées.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Upgrading the database to this version of Roster…
A backup copy is made first; your unsent changes are kept.</source>
        <translation>Mise à jour de la base de données pour cette version de Roster…
Une copie de sauvegarde est faite d’abord ; vos modifications non envoyées sont conservées.</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message>
        <source>Generate payroll</source>
        <translation>Générer l’état de paiement</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Génération…</translation>
    </message>
    <message>
        <source>Programme or cycle</source>
        <translation>Programme ou cycle</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Établi par</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Programmes and cycles</source>
        <translation>Programmes et cycles</translation>
    </message>
    <message>
        <source>Payrolls</source>
        <translation>États de paiement</translation>
    </message>
    <message>
        <source>Sign in to see payments.</source>
        <translation>Connectez-vous pour voir les paiements.</translation>
    </message>
    <message>
        <source>No payroll yet</source>
        <translation>Aucun état de paiement pour l’instant</translation>
    </message>
    <message>
        <source>No open cycle of this programme without a payroll.</source>
        <translation>Aucun cycle ouvert de ce programme sans état de paiement.</translation>
    </message>
    <message>
        <source>{amount} base · {n} active</source>
        <translation>{amount} de base · {n} actifs</translation>
    </message>
    <message>
        <source>{n} payroll(s)</source>
        <translation>{n} état(s) de paiement</translation>
    </message>
    <message>
        <source>Cap: {amount}</source>
        <translation>Plafond : {amount}</translation>
    </message>
    <message>
        <source>Top-up {criterion}: {amount}</source>
        <translation>Complément {criterion} : {amount}</translation>
    </message>
    <message>
        <source>Per unmet condition: −{amount}</source>
        <translation>Par condition non remplie : −{amount}</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
</context>
<context>
    <name>PayrollDetail</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Reconciliation file</source>
        <translation>Fichier de rapprochement</translation>
    </message>
    <message>
        <source>(no pay point)</source>
        <translation>(sans point de paiement)</translation>
    </message>
    <message>
        <source>← Back to payrolls</source>
        <translation>← Retour aux états de paiement</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Motif du rejet</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Print payment list…</source>
        <translation>Imprimer la liste de paiement…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Import reconciliation CSV…</source>
        <translation>Importer un CSV de rapprochement…</translation>
    </message>
    <message>
        <source>Close payroll</source>
        <translation>Clôturer l’état de paiement</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Numéro de reçu</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>Marquer payé</translation>
    </message>
    <message>
        <source>Reason not paid</source>
        <translation>Motif du non-paiement</translation>
    </message>
    <message>
        <source>Mark unpaid</source>
        <translation>Marquer non payé</translation>
    </message>
    <message>
        <source>All pay points</source>
        <translation>Tous les points de paiement</translation>
    </message>
    <message>
        <source>Pay point</source>
        <translation>Point de paiement</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payés</translation>
    </message>
    <message>
        <source>Paid amount</source>
        <translation>Montant payé</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Non payés</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Receipt or reason</source>
        <translation>Reçu ou motif</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Totals by pay point</source>
        <translation>Totaux par point de paiement</translation>
    </message>
    <message>
        <source>Payments (printed list order)</source>
        <translation>Paiements (ordre de la liste imprimée)</translation>
    </message>
    <message>
        <source>Selected payment:</source>
        <translation>Paiement sélectionné :</translation>
    </message>
    <message>
        <source>A supervisor or an HQ admin approves payrolls.</source>
        <translation>Un superviseur ou un administrateur du siège approuve les états de paiement.</translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation>Impression annulée ; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Programme: {code} {name}</source>
        <translation>Programme : {code} {name}</translation>
    </message>
    <message>
        <source>Cycle: {code} ({start} – {end})</source>
        <translation>Cycle : {code} ({start} – {end})</translation>
    </message>
    <message>
        <source>District: {code}</source>
        <translation>District : {code}</translation>
    </message>
    <message>
        <source>Payments: {n}</source>
        <translation>Paiements : {n}</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Total : {amount}</translation>
    </message>
    <message>
        <source>Made by {user} on {when}</source>
        <translation>Établi par {user} le {when}</translation>
    </message>
    <message>
        <source>Approved for payment: {n} payments, {amount}.</source>
        <translation>Approuvé pour paiement : {n} paiements, {amount}.</translation>
    </message>
    <message>
        <source>Payroll rejected.</source>
        <translation>État de paiement rejeté.</translation>
    </message>
    <message>
        <source>{code} recorded as not paid.</source>
        <translation>{code} enregistré comme non payé.</translation>
    </message>
    <message>
        <source>Printed {rows} payments on {pages} page(s), total {amount}: {path}</source>
        <translation>{rows} paiements imprimés sur {pages} page(s), total {amount} : {path}</translation>
    </message>
    <message>
        <source>Approved by {user} on {when}</source>
        <translation>Approuvé par {user} le {when}</translation>
    </message>
    <message>
        <source>{n} above the cap of {cap}</source>
        <translation>{n} au-dessus du plafond de {cap}</translation>
    </message>
    <message>
        <source>{file}: {paid} paid, {unpaid} not paid, {same} unchanged.</source>
        <translation>{file} : {paid} payés, {unpaid} non payés, {same} inchangés.</translation>
    </message>
    <message>
        <source>{file} was refused: {n} problem(s) in {rows} row(s). Nothing was recorded; correct the file and import it again.</source>
        <translation>{file} a été refusé : {n} problème(s) dans {rows} ligne(s). Rien n’a été enregistré ; corrigez le fichier et importez-le de nouveau.</translation>
    </message>
    <message>
        <source>{n} payments were rejected: their enrolment is no longer active.</source>
        <translation>{n} paiements ont été rejetés : leur inscription n’est plus active.</translation>
    </message>
    <message>
        <source>Payroll reconciled: {paid} paid ({amount}), {unpaid} not paid.</source>
        <translation>État de paiement rapproché : {paid} payés ({amount}), {unpaid} non payés.</translation>
    </message>
    <message>
        <source>Wrote {n} payments to {path}.</source>
        <translation>{n} paiements écrits dans {path}.</translation>
    </message>
    <message>
        <source>Date paid: from the cycle&apos;s start to today</source>
        <translation>Date du paiement : du début du cycle à aujourd’hui</translation>
    </message>
    <message>
        <source>paid on</source>
        <translation>payé le</translation>
    </message>
    <message>
        <source>{code} recorded as paid on {day}.</source>
        <translation>{code} enregistré comme payé le {day}.</translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation>Rejeté : {reason}</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>Unconditional cash transfer</source>
        <translation>Transfert monétaire non conditionnel</translation>
    </message>
    <message>
        <source>Conditional cash transfer</source>
        <translation>Transfert monétaire conditionnel</translation>
    </message>
    <message>
        <source>Public works</source>
        <translation>Travaux publics</translation>
    </message>
    <message>
        <source>Cash plus</source>
        <translation>Cash plus</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <source>Every two months</source>
        <translation>Tous les deux mois</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Trimestriel</translation>
    </message>
    <message>
        <source>Being generated</source>
        <translation>En cours de génération</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>En attente d’approbation</translation>
    </message>
    <message>
        <source>Approved for payment</source>
        <translation>Approuvé pour paiement</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>Rapproché</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Non payé</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>Print payment list</source>
        <translation>Imprimer la liste de paiement</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Lettre US (8,5 × 11 po)</translation>
    </message>
    <message>
        <source>Office copy</source>
        <translation>Copie de bureau</translation>
    </message>
    <message>
        <source>The payroll is not approved yet: the list prints as a draft, marked “DRAFT — NOT FOR PAYMENT”.</source>
        <translation>L’état de paiement n’est pas encore approuvé : la liste s’imprime en brouillon, marquée « DRAFT — NOT FOR PAYMENT ».</translation>
    </message>
    <message>
        <source>The payroll is reconciled: only office copies are printed.</source>
        <translation>L’état de paiement est rapproché : seules des copies de bureau sont imprimées.</translation>
    </message>
    <message>
        <source>Pay point</source>
        <translation>Point de paiement</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>An office copy has the same rows, is marked “OFFICE COPY — NOT FOR PAYMENT” and has no signature boxes.</source>
        <translation>Une copie de bureau a les mêmes lignes, porte la mention « OFFICE COPY — NOT FOR PAYMENT » et n’a pas de cases de signature.</translation>
    </message>
    <message>
        <source>The original goes to the pay point and comes back signed; printing it again makes a reprint that replaces the earlier one.</source>
        <translation>L’original part au point de paiement et revient signé ; l’imprimer de nouveau produit une réimpression qui remplace la précédente.</translation>
    </message>
</context>
<context>
    <name>ImportIndividualsDialog</name>
    <message>
        <source>Individual upload file</source>
        <translation>Fichier d’individus à importer</translation>
    </message>
    <message>
        <source>CSV or Excel files (*.csv *.xlsx)</source>
        <translation>Fichiers CSV ou Excel (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>Enregistrer le rapport d’erreurs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import beneficiaries</source>
        <translation>Importer des bénéficiaires</translation>
    </message>
    <message>
        <source>Register households from an openIMIS individual upload file (CSV in UTF-8, or Excel .xlsx). Rows with the same group_code form one household. Nothing is registered unless every row is correct.</source>
        <translation>Enregistrer des ménages à partir d’un fichier d’import d’individus openIMIS (CSV en UTF-8, ou Excel .xlsx). Les lignes de même group_code forment un ménage. Rien n’est enregistré tant qu’une ligne est incorrecte.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Do not enrol</source>
        <translation>Ne pas inscrire</translation>
    </message>
    <message>
        <source>{code}: {name}</source>
        <translation>{code} : {name}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Enrol in programme</source>
        <translation>Inscrire au programme</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>Vérifier le fichier</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>Enregistrer le rapport d’erreurs…</translation>
    </message>
    <message>
        <source>The file is correct: importing it will register {households} households ({people} people). Nothing was written yet.</source>
        <translation>Le fichier est correct : l’importer enregistrera {households} ménages ({people} personnes). Rien n’a encore été enregistré.</translation>
    </message>
    <message>
        <source>Registered {households} households ({people} people).</source>
        <translation>{households} ménages enregistrés ({people} personnes).</translation>
    </message>
    <message>
        <source>{n} enrolled in {programme}.</source>
        <translation>{n} inscrits au programme {programme}.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was registered.</source>
        <translation>Annulé : rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {message}</source>
        <translation>Ligne {row}, {column} : {message}</translation>
    </message>
    <message>
        <source>{rows} of {total} rows have problems. Nothing was registered: correct the file and check it again.</source>
        <translation>{rows} lignes sur {total} posent problème. Rien n’a été enregistré : corrigez le fichier et vérifiez-le de nouveau.</translation>
    </message>
    <message>
        <source>The report could not be saved: {error}</source>
        <translation>Le rapport n’a pas pu être enregistré : {error}</translation>
    </message>
    <message>
        <source>Error report saved: {path}</source>
        <translation>Rapport d’erreurs enregistré : {path}</translation>
    </message>
</context>
<context>
    <name>CrossCheckDialog</name>
    <message>
        <source>List from another registry</source>
        <translation>Liste d’un autre registre</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cross-check with another registry</source>
        <translation>Croisement avec un autre registre</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir le fichier…</translation>
    </message>
    <message>
        <source>For example: Civil registry deaths, May 2026</source>
        <translation>Par exemple : décès de l’état civil, mai 2026</translation>
    </message>
    <message>
        <source>Link the matches to round {code}</source>
        <translation>Rattacher les correspondances à la campagne {code}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Import and match</source>
        <translation>Importer et rapprocher</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Listed as</source>
        <translation>Inscrit(e) comme</translation>
    </message>
    <message>
        <source>Listed birth</source>
        <translation>Naissance inscrite</translation>
    </message>
    <message>
        <source>Listed death</source>
        <translation>Décès inscrit</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Note on the review (optional)</source>
        <translation>Note sur la vérification (facultative)</translation>
    </message>
    <message>
        <source>Confirm: same person</source>
        <translation>Confirmer : même personne</translation>
    </message>
    <message>
        <source>Dismiss: someone else</source>
        <translation>Écarter : autre personne</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Open matches to review: {n}</source>
        <translation>Correspondances à vérifier : {n}</translation>
    </message>
    <message>
        <source>{name}: death recorded.</source>
        <translation>{name} : décès enregistré.</translation>
    </message>
    <message>
        <source>{name}: {status}.</source>
        <translation>{name} : {status}.</translation>
    </message>
    <message>
        <source>{rows} people checked: {new} new match(es) ({by_id} by national ID, {by_name} by name and birth date); {old} already flagged.</source>
        <translation>{rows} personnes vérifiées : {new} nouvelle(s) correspondance(s) ({by_id} par numéro national, {by_name} par nom et date de naissance) ; {old} déjà signalée(s).</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was recorded.</source>
        <translation>Import annulé ; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>(the best {shown} are listed; review them to see the next)</source>
        <translation>(les {shown} meilleures sont affichées ; vérifiez-les pour voir les suivantes)</translation>
    </message>
    <message>
        <source>{name}: the death waits for a supervisor&apos;s approval (Approvals).</source>
        <translation>{name} : le décès attend l&apos;approbation d&apos;un superviseur (Approbations).</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <source>Exit {household}</source>
        <translation>Sortie de {household}</translation>
    </message>
    <message>
        <source>The household leaves the programme when the round is closed (after approval if the programme requires it). The decision can be changed until then.</source>
        <translation>Le ménage sort du programme à la clôture de la campagne (après approbation si le programme l’exige). La décision peut être modifiée d’ici là.</translation>
    </message>
</context>
<context>
    <name>OpenRoundDialog</name>
    <message>
        <source>Open a recertification round</source>
        <translation>Ouvrir une campagne de recertification</translation>
    </message>
    <message>
        <source>Every household of the programme that is active or suspended in the area gets a visit to record. The round closes once every household has a decision; exits are then applied.</source>
        <translation>Chaque ménage actif ou suspendu du programme dans la zone reçoit une visite à enregistrer. La campagne se clôt quand chaque ménage a une décision ; les sorties sont alors appliquées.</translation>
    </message>
    <message>
        <source>Visits due by</source>
        <translation>Visites à faire avant le</translation>
    </message>
</context>
<context>
    <name>RecertificationView</name>
    <message>
        <source>Open round…</source>
        <translation>Ouvrir une campagne…</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>Clôturer la campagne</translation>
    </message>
    <message>
        <source>Cross-check…</source>
        <translation>Croiser avec un registre…</translation>
    </message>
    <message>
        <source>Recertification rounds</source>
        <translation>Campagnes de recertification</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte le</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Visités</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Décidés</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Not visited</source>
        <translation>Non visités</translation>
    </message>
    <message>
        <source>All villages: {total} households, {pending} not visited, {visited} visited, {decided} decided, {exits} exits.</source>
        <translation>Tous les villages : {total} ménages, {pending} non visités, {visited} visités, {decided} décidés, {exits} sorties.</translation>
    </message>
    <message>
        <source>Round opened.</source>
        <translation>Campagne ouverte.</translation>
    </message>
    <message>
        <source>Close round {code}? Its exits will be applied.</source>
        <translation>Clôturer la campagne {code} ? Ses sorties seront appliquées.</translation>
    </message>
    <message>
        <source>Round {code} closed; exits applied: {n}.</source>
        <translation>Campagne {code} clôturée ; sorties appliquées : {n}.</translation>
    </message>
</context>
<context>
    <name>RoundTasks</name>
    <message>
        <source>All villages</source>
        <translation>Tous les villages</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>Visité le</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>Enregistrer la visite…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Maintenir</translation>
    </message>
    <message>
        <source>Exit…</source>
        <translation>Sortie…</translation>
    </message>
    <message>
        <source>{shown} of {total} households</source>
        <translation>{shown} ménages sur {total}</translation>
    </message>
    <message>
        <source>Visit of {household} recorded.</source>
        <translation>Visite de {household} enregistrée.</translation>
    </message>
    <message>
        <source>{household} will exit when the round closes.</source>
        <translation>{household} sortira à la clôture de la campagne.</translation>
    </message>
    <message>
        <source>{household} continues.</source>
        <translation>{household} est maintenu.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Visit of {household}</source>
        <translation>Visite de {household}</translation>
    </message>
    <message>
        <source>Correct the household's members and details with the household page first. If the situation is not as recorded, say what was found.</source>
        <translation>Corrigez d’abord les membres et les informations du ménage depuis sa page. Si la situation n’est pas celle enregistrée, indiquez ce qui a été constaté.</translation>
    </message>
    <message>
        <source>The situation is as recorded</source>
        <translation>La situation est celle enregistrée</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Constat</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>Motif de sortie</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>Visited</source>
        <translation>Visité</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Décidé</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Maintien</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Écarté</translation>
    </message>
    <message>
        <source>Same national ID</source>
        <translation>Même numéro national</translation>
    </message>
    <message>
        <source>Similar name, same birth date</source>
        <translation>Nom proche, même date de naissance</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Unknown area: {value}.</source>
        <translation>Zone inconnue : {value}.</translation>
    </message>
    <message>
        <source>{value} is not a district, ward or village: choose one of those.</source>
        <translation>{value} n’est ni un district, ni une commune, ni un village : choisissez l’un d’eux.</translation>
    </message>
    <message>
        <source>The due date is already past.</source>
        <translation>L’échéance est déjà passée.</translation>
    </message>
    <message>
        <source>Round {round} of this programme is still open over this area: close it first.</source>
        <translation>La campagne {round} de ce programme est encore ouverte sur cette zone : clôturez-la d’abord.</translation>
    </message>
    <message>
        <source>No household of {programme} is active or suspended in this area.</source>
        <translation>Aucun ménage de {programme} n’est actif ou suspendu dans cette zone.</translation>
    </message>
    <message>
        <source>Say what was found when the situation is not as recorded.</source>
        <translation>Indiquez ce qui a été constaté quand la situation n’est pas celle enregistrée.</translation>
    </message>
    <message>
        <source>A reason is given only for an exit.</source>
        <translation>Un motif ne se donne que pour une sortie.</translation>
    </message>
    <message>
        <source>{count} household(s) have no decision yet ({pending} not visited, {visited} visited): decide them all before closing.</source>
        <translation>{count} ménage(s) sans décision ({pending} non visités, {visited} visités) : décidez-les tous avant de clôturer.</translation>
    </message>
    <message>
        <source>Line {line}: {value} is not a date (use YYYY-MM-DD or DD/MM/YYYY).</source>
        <translation>Ligne {line} : {value} n’est pas une date (utilisez AAAA-MM-JJ ou JJ/MM/AAAA).</translation>
    </message>
    <message>
        <source>Line {line} has {found} values where the header has {expected}.</source>
        <translation>La ligne {line} a {found} valeurs alors que l’en-tête en a {expected}.</translation>
    </message>
    <message>
        <source>Line {line}: give the national ID, or the names and the date of birth.</source>
        <translation>Ligne {line} : donnez le numéro national, ou les noms et la date de naissance.</translation>
    </message>
    <message>
        <source>This recertification round was not found.</source>
        <translation>Cette campagne de recertification est introuvable.</translation>
    </message>
    <message>
        <source>This recertification round is closed.</source>
        <translation>Cette campagne de recertification est clôturée.</translation>
    </message>
    <message>
        <source>This household visit was not found.</source>
        <translation>Cette visite de ménage est introuvable.</translation>
    </message>
    <message>
        <source>Record the visit before deciding on this household.</source>
        <translation>Enregistrez la visite avant de décider pour ce ménage.</translation>
    </message>
    <message>
        <source>This household is already decided; change the decision instead.</source>
        <translation>Ce ménage est déjà décidé ; modifiez plutôt la décision.</translation>
    </message>
    <message>
        <source>This match was not found.</source>
        <translation>Cette correspondance est introuvable.</translation>
    </message>
    <message>
        <source>This match was already reviewed.</source>
        <translation>Cette correspondance a déjà été vérifiée.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Corrective action on {code}</source>
        <translation>Action corrective sur {code}</translation>
    </message>
    <message>
        <source>Every corrective action waits for a supervisor&apos;s approval before it applies.</source>
        <translation>Toute action corrective attend l’approbation d’un superviseur avant de s’appliquer.</translation>
    </message>
    <message>
        <source>The paid programme</source>
        <translation>Le programme du paiement</translation>
    </message>
    <message>
        <source>Choose the programme</source>
        <translation>Choisissez le programme</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>e.g. Orange Money, Wave, CBAO</source>
        <translation>p. ex. Orange Money, Wave, CBAO</translation>
    </message>
    <message>
        <source>Shown to the checker with the request</source>
        <translation>Montrée au vérificateur avec la demande</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>New pay point</source>
        <translation>Nouveau point de paiement</translation>
    </message>
    <message>
        <source>Name on the account</source>
        <translation>Nom sur le compte</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Added to every payment, negative to reduce ({currency})</source>
        <translation>Ajouté à chaque paiement, négatif pour réduire ({currency})</translation>
    </message>
    <message>
        <source>The payment&apos;s amount if empty: {amount}</source>
        <translation>Montant du paiement si vide : {amount}</translation>
    </message>
    <message>
        <source>Overpaid, deducted from coming payments ({currency})</source>
        <translation>Trop-perçu, déduit des prochains paiements ({currency})</translation>
    </message>
    <message>
        <source>A supervisor approves it before it applies.</source>
        <translation>Un superviseur l’approuve avant qu’elle ne s’applique.</translation>
    </message>
    <message>
        <source>The enrolment is suspended: no payment until it is reactivated.</source>
        <translation>L’inscription est suspendue : aucun paiement jusqu’à sa réactivation.</translation>
    </message>
    <message>
        <source>The enrolment ends, with the reason: {reason}.</source>
        <translation>L’inscription prend fin, avec le motif : {reason}.</translation>
    </message>
    <message>
        <source>The amount is added to (or taken from) every coming payment.</source>
        <translation>Le montant est ajouté à (ou retiré de) chaque prochain paiement.</translation>
    </message>
    <message>
        <source>Coming payrolls deduct the amount until it is recovered.</source>
        <translation>Les prochains états de paiement déduisent le montant jusqu’à son recouvrement.</translation>
    </message>
    <message>
        <source>The household collects its payments at another pay point.</source>
        <translation>Le ménage perçoit ses paiements à un autre point de paiement.</translation>
    </message>
    <message>
        <source>The household is paid through a new account.</source>
        <translation>Le ménage est payé sur un nouveau compte.</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>En enquête</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Décidé</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposée</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>En attente d’approbation</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliquée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert le</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>Motif de la décision</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposée par</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Vérifiée par</translation>
    </message>
    <message>
        <source>Add findings…</source>
        <translation>Ajouter des constats…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Décider…</translation>
    </message>
    <message>
        <source>Corrective action…</source>
        <translation>Action corrective…</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Clôturer le dossier</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Actions correctives</translation>
    </message>
    <message>
        <source>No case chosen</source>
        <translation>Aucun dossier choisi</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>{date} by {user}</source>
        <translation>{date} par {user}</translation>
    </message>
    <message>
        <source>{decision}, by {user}</source>
        <translation>{decision}, par {user}</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Pas encore décidé</translation>
    </message>
    <message>
        <source>Actions pending approval: a supervisor approves or rejects them.</source>
        <translation>Actions en attente d’approbation : un superviseur les approuve ou les rejette.</translation>
    </message>
    <message>
        <source>A supervisor decides the case once the findings are in.</source>
        <translation>Un superviseur décide du dossier une fois les constats établis.</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation>Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>No case</source>
        <translation>Aucun dossier</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Close case {code}</source>
        <translation>Clôturer le dossier {code}</translation>
    </message>
    <message>
        <source>A closed case cannot be reopened or take new actions.</source>
        <translation>Un dossier clôturé ne peut être ni rouvert ni recevoir de nouvelles actions.</translation>
    </message>
    <message>
        <source>Closing note (optional)</source>
        <translation>Note de clôture (facultative)</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Clôturer le dossier</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decide case {code}</source>
        <translation>Décider du dossier {code}</translation>
    </message>
    <message>
        <source>A confirmed case can then take corrective actions; an unfounded one is only closed. The decision is final.</source>
        <translation>Un dossier confirmé peut ensuite recevoir des actions correctives ; un dossier non fondé est seulement clôturé. La décision est définitive.</translation>
    </message>
    <message>
        <source>Why: the evidence the decision rests on</source>
        <translation>Pourquoi : les éléments sur lesquels repose la décision</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>Add findings to {code}</source>
        <translation>Ajouter des constats au dossier {code}</translation>
    </message>
    <message>
        <source>The paragraph is added with today&apos;s date and your name.</source>
        <translation>Le paragraphe est ajouté avec la date du jour et votre nom.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Open an error or fraud case</source>
        <translation>Ouvrir un dossier d’erreur ou de fraude</translation>
    </message>
    <message>
        <source>A case is about a household, or about one payment (which gives its household).</source>
        <translation>Un dossier porte sur un ménage, ou sur un paiement (qui désigne son ménage).</translation>
    </message>
    <message>
        <source>Payment code, for a payment error</source>
        <translation>Code du paiement, pour une erreur de paiement</translation>
    </message>
    <message>
        <source>What was found, by whom, and how</source>
        <translation>Ce qui a été constaté, par qui et comment</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Payment (optional)</source>
        <translation>Paiement (facultatif)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>This case was not found.</source>
        <translation>Ce dossier est introuvable.</translation>
    </message>
    <message>
        <source>This case is already decided: its findings and decision are final.</source>
        <translation>Ce dossier est déjà décidé : ses constats et sa décision sont définitifs.</translation>
    </message>
    <message>
        <source>Corrective actions need a case decided as confirmed.</source>
        <translation>Les actions correctives exigent un dossier décidé comme confirmé.</translation>
    </message>
    <message>
        <source>This case is closed.</source>
        <translation>Ce dossier est clôturé.</translation>
    </message>
    <message>
        <source>A corrective action still waits for approval: have it approved or rejected, then close the case.</source>
        <translation>Une action corrective attend encore son approbation : faites-la approuver ou rejeter, puis clôturez le dossier.</translation>
    </message>
    <message>
        <source>Choose the household (or the payment) the case is about.</source>
        <translation>Choisissez le ménage (ou le paiement) sur lequel porte le dossier.</translation>
    </message>
    <message>
        <source>This payment was made to another household.</source>
        <translation>Ce paiement a été fait à un autre ménage.</translation>
    </message>
    <message>
        <source>This enrolment is not one of the household&apos;s.</source>
        <translation>Cette inscription n’est pas une inscription du ménage.</translation>
    </message>
    <message>
        <source>The household is not enrolled in any programme any more.</source>
        <translation>Le ménage n’est plus inscrit à aucun programme.</translation>
    </message>
    <message>
        <source>The household is enrolled in {count} programmes: choose one.</source>
        <translation>Le ménage est inscrit à {count} programmes : choisissez-en un.</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>Identity fraud</source>
        <translation>Usurpation d’identité</translation>
    </message>
    <message>
        <source>Payment error</source>
        <translation>Erreur de paiement</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>En enquête</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>Non fondé</translation>
    </message>
    <message>
        <source>Suspend the enrolment</source>
        <translation>Suspendre l’inscription</translation>
    </message>
    <message>
        <source>Adjust the benefit</source>
        <translation>Ajuster la prestation</translation>
    </message>
    <message>
        <source>Recover an overpayment</source>
        <translation>Recouvrer un trop-perçu</translation>
    </message>
    <message>
        <source>Change the pay point</source>
        <translation>Changer de point de paiement</translation>
    </message>
    <message>
        <source>Change the payment account</source>
        <translation>Changer de compte de paiement</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliqué</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Sensitive changes (payment accounts, enrolment status, head or recipient, moves out of a programme&apos;s area, members leaving, case decisions) wait here until a supervisor other than the person who made them approves or rejects them.</source>
        <translation>Les modifications sensibles (comptes de paiement, statut d&apos;inscription, chef de ménage ou bénéficiaire, déménagements hors de la zone d&apos;un programme, départs de membres, décisions sur dossier) attendent ici qu&apos;un superviseur autre que leur auteur les approuve ou les rejette.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvées</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Demandée le</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Demandée par</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Note (required to reject)</source>
        <translation>Note (obligatoire pour rejeter)</translation>
    </message>
    <message>
        <source>Approve and apply</source>
        <translation>Approuver et appliquer</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>Ouvrir le ménage</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>Select a request to see what it changes.</source>
        <translation>Sélectionnez une demande pour voir ce qu&apos;elle modifie.</translation>
    </message>
    <message>
        <source>{type} for household {code}, asked by {maker} on {day}.</source>
        <translation>{type} pour le ménage {code}, demandé par {maker} le {day}.</translation>
    </message>
    <message>
        <source>Decided on case {code}.</source>
        <translation>Décidé sur le dossier {code}.</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motif : {reason}</translation>
    </message>
    <message>
        <source>{status} by {checker}: {note}</source>
        <translation>{status} par {checker} : {note}</translation>
    </message>
    <message>
        <source>Only a supervisor who did not make the request can decide it.</source>
        <translation>Seul un superviseur qui n&apos;a pas fait la demande peut la décider.</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>School or health facility</source>
        <translation>École ou formation sanitaire</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>No school</source>
        <translation>Aucune école</translation>
    </message>
    <message>
        <source>No health facility</source>
        <translation>Aucune formation sanitaire</translation>
    </message>
</context>
<context>
    <name>RefusedChangeDialog</name>
    <message>
        <source>Edit and resend: {record}</source>
        <translation>Corriger et renvoyer : {record}</translation>
    </message>
    <message>
        <source>HQ refused this change: {reason}
Correct the values and save: they are sent to HQ as a new change at the next sync.</source>
        <translation>Le siège a refusé cette modification : {reason}
Corrigez les valeurs et enregistrez : elles seront envoyées au siège comme une nouvelle modification à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>This field has its own form; it is not sent again from here.</source>
        <translation>Ce champ a son propre formulaire ; il n’est pas renvoyé d’ici.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Renvoyer</translation>
    </message>
</context>
<context>
    <name>RefusedChangesPanel</name>
    <message>
        <source>HQ refused these changes and kept its own values. Correct a change and send it again, or discard it.</source>
        <translation>Le siège a refusé ces modifications et gardé ses propres valeurs. Corrigez une modification et renvoyez-la, ou abandonnez-la.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Faite par</translation>
    </message>
    <message>
        <source>Edit and resend…</source>
        <translation>Corriger et renvoyer…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Abandonner…</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>Ouvrir le ménage</translation>
    </message>
    <message>
        <source>This change cannot be sent again from here: discard it, and make it again with its own form if it is still needed.</source>
        <translation>Cette modification ne peut pas être renvoyée d’ici : abandonnez-la, et refaites-la avec son propre formulaire si elle est encore nécessaire.</translation>
    </message>
    <message>
        <source>Discard the refused change</source>
        <translation>Abandonner la modification refusée</translation>
    </message>
    <message>
        <source>Discard this change to {record}? It is not sent to HQ again, and this cannot be undone.</source>
        <translation>Abandonner cette modification de {record} ? Elle ne sera pas renvoyée au siège, et c’est définitif.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>{record} in {household}</source>
        <translation>{record} dans {household}</translation>
    </message>
    <message>
        <source>{user}, {when}</source>
        <translation>{user}, {when}</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field} : {value}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{value} is not a school.</source>
        <translation>{value} n’est pas une école.</translation>
    </message>
    <message>
        <source>{value} is not a health facility.</source>
        <translation>{value} n’est pas une formation sanitaire.</translation>
    </message>
    <message>
        <source>{value} is in another district: choose one in the household's district.</source>
        <translation>{value} est dans un autre district : choisissez-en une du district du ménage.</translation>
    </message>
    <message>
        <source>This change cannot be sent again from here: discard it, or make it again.</source>
        <translation>Cette modification ne peut pas être renvoyée d’ici : abandonnez-la, ou refaites-la.</translation>
    </message>
    <message>
        <source>This field cannot be sent again from here (possible: {allowed}).</source>
        <translation>Ce champ ne peut pas être renvoyé d’ici (possibles : {allowed}).</translation>
    </message>
    <message>
        <source>No record with this code or id: {value}.</source>
        <translation>Aucune fiche avec ce code ou cet identifiant : {value}.</translation>
    </message>
    <message>
        <source>{value} belongs to another district: choose one of this district.</source>
        <translation>{value} appartient à un autre district : choisissez-en un de ce district.</translation>
    </message>
    <message>
        <source>The record this change was about no longer exists on this laptop.</source>
        <translation>La fiche concernée par cette modification n’existe plus sur cet ordinateur.</translation>
    </message>
    <message>
        <source>This refused change was not found.</source>
        <translation>Cette modification refusée est introuvable.</translation>
    </message>
    <message>
        <source>This refused change was already sent again or discarded.</source>
        <translation>Cette modification refusée a déjà été renvoyée ou abandonnée.</translation>
    </message>
    <message>
        <source>Another change made in the same action was refused, so HQ refused this one too.</source>
        <translation>Une autre modification faite dans la même action a été refusée ; le siège a donc refusé celle-ci aussi.</translation>
    </message>
    <message>
        <source>It points at a record HQ does not know.</source>
        <translation>Elle renvoie à une fiche que le siège ne connaît pas.</translation>
    </message>
</context>
<context>
    <name>ActivitiesPanel</name>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Days required</source>
        <translation>Jours requis</translation>
    </message>
    <message>
        <source>Days done</source>
        <translation>Jours faits</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <source>Choose a household, then one of its members.</source>
        <translation>Choisissez un ménage, puis l&apos;un de ses membres.</translation>
    </message>
    <message>
        <source>Record days…</source>
        <translation>Saisir des jours…</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>{name} ({relationship})</source>
        <translation>{name} ({relationship})</translation>
    </message>
    <message>
        <source>Household {code} is not enrolled in a programme with activities.</source>
        <translation>Le ménage {code} n&apos;est inscrit à aucun programme comportant des activités.</translation>
    </message>
    <message>
        <source>Every activity is completed.</source>
        <translation>Toutes les activités sont terminées.</translation>
    </message>
    <message>
        <source>{programme}: now on activity {position}, {name}.</source>
        <translation>{programme} : activité {position} en cours ({name}).</translation>
    </message>
</context>
<context>
    <name>AssignMeasureDialog</name>
    <message>
        <source>Assign the follow-up of {code}</source>
        <translation>Attribuer le suivi de {code}</translation>
    </message>
    <message>
        <source>The case worker who visits the household, and when by.</source>
        <translation>Le travailleur social qui rend visite au ménage, et avant quelle date.</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Travailleur social</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>CheckNonComplianceDialog</name>
    <message>
        <source>Check non-compliance</source>
        <translation>Vérifier les non-conformités</translation>
    </message>
    <message>
        <source>Plans a case-worker visit for each enrolled household that failed a condition in each of the condition&apos;s last periods up to this month. Households already followed up for that condition are left alone.</source>
        <translation>Planifie une visite d&apos;un travailleur social pour chaque ménage inscrit qui n&apos;a pas respecté une condition pendant chacune de ses dernières périodes jusqu&apos;à ce mois. Les ménages déjà suivis pour cette condition ne sont pas repris.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>YYYY-MM</source>
        <translation>AAAA-MM</translation>
    </message>
    <message>
        <source>Month (YYYY-MM)</source>
        <translation>Mois (AAAA-MM)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>FinishMeasureDialog</name>
    <message>
        <source>Mark the follow-up of {code} done</source>
        <translation>Marquer le suivi de {code} comme fait</translation>
    </message>
    <message>
        <source>Cancel the follow-up of {code}</source>
        <translation>Annuler le suivi de {code}</translation>
    </message>
    <message>
        <source>What the visit found and what was agreed with the household.</source>
        <translation>Ce que la visite a constaté et ce qui a été convenu avec le ménage.</translation>
    </message>
    <message>
        <source>Why the follow-up is no longer needed.</source>
        <translation>Pourquoi le suivi n&apos;est plus nécessaire.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Follow-up measures</source>
        <translation>Mesures de suivi</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <source>Not met in {periods}</source>
        <translation>Non respectée en {periods}</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Overdue: this measure was due on {due}.</source>
        <translation>En retard : cette mesure était due le {due}.</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>Open (planned or in progress)</source>
        <translation>Ouvertes (prévues ou en cours)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Check non-compliance…</source>
        <translation>Vérifier les non-conformités…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Attribuer…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>Terminer…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>Ouvrir le ménage</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n mesure</numerusform>
            <numerusform>%n mesures</numerusform>
        </translation>
    </message>
    <message>
        <source>No measure</source>
        <translation>Aucune mesure</translation>
    </message>
    <message>
        <source>Select a measure to work on it.</source>
        <translation>Sélectionnez une mesure pour la traiter.</translation>
    </message>
    <message>
        <source>{kind} for household {code}: {reason}.</source>
        <translation>{kind} pour le ménage {code} : {reason}.</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Résultat : {outcome}</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up measure(s) planned for {period}.</source>
        <translation>
            <numerusform>%n mesure de suivi planifiée pour {period}.</numerusform>
            <numerusform>%n mesures de suivi planifiées pour {period}.</numerusform>
        </translation>
    </message>
    <message>
        <source>No new follow-up needed for {period}.</source>
        <translation>Aucun nouveau suivi nécessaire pour {period}.</translation>
    </message>
</context>
<context>
    <name>RecordDaysDialog</name>
    <message>
        <source>Record worked days</source>
        <translation>Saisir des jours travaillés</translation>
    </message>
    <message>
        <source>{member}: activity {position}, {name}. {done} of {required} days done.</source>
        <translation>{member} : activité {position}, {name}. {done} jours faits sur {required}.</translation>
    </message>
    <message>
        <source>Days worked</source>
        <translation>Jours travaillés</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Faite</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Case-worker visit</source>
        <translation>Visite d&apos;un travailleur social</translation>
    </message>
    <message>
        <source>Awareness session</source>
        <translation>Séance de sensibilisation</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
</context>
</TS>
