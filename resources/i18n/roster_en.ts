<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ComplianceView</name>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n line(s) need correcting: see the Check column.</source>
        <translation>
            <numerusform>%n line needs correcting: see the Check column.</numerusform>
            <numerusform>%n lines need correcting: see the Check column.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n line(s) keyed, not saved yet.</source>
        <translation>
            <numerusform>%n line keyed, not saved yet.</numerusform>
            <numerusform>%n lines keyed, not saved yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GrievanceTableModel</name>
    <message numerus="yes">
        <location filename="../../app/ui/itemmodels/grievance_table_model.py" line="+57"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GrievancesView</name>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln grievance(s)</source>
        <translation>
            <numerusform>%Ln grievance</numerusform>
            <numerusform>%Ln grievances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/views/household_page.py" line="+272"/>
        <source>%n sync conflict(s) on this household wait for a decision.</source>
        <translation>
            <numerusform>%n sync conflict on this household waits for a decision.</numerusform>
            <numerusform>%n sync conflicts on this household wait for a decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n change(s) not yet sent to HQ.</source>
        <translation>
            <numerusform>%n change not yet sent to HQ.</numerusform>
            <numerusform>%n changes not yet sent to HQ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to this household wait for a supervisor&apos;s approval (Approvals).</source>
        <translation>
            <numerusform>%n change to this household waits for a supervisor&apos;s approval (Approvals).</numerusform>
            <numerusform>%n changes to this household wait for a supervisor&apos;s approval (Approvals).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdsView</name>
    <message numerus="yes">
        <location filename="../../app/ui/views/households_view.py" line="+185"/>
        <source>%Ln household(s)</source>
        <translation>
            <numerusform>%Ln household</numerusform>
            <numerusform>%Ln households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln+ household(s)</source>
        <translation>
            <numerusform>%Ln+ households</numerusform>
            <numerusform>%Ln+ households</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n conflict(s) wait for your decision.</source>
        <translation>
            <numerusform>%n conflict waits for your decision.</numerusform>
            <numerusform>%n conflicts wait for your decision.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n measure</numerusform>
            <numerusform>%n measures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up measure(s) planned for {period}.</source>
        <translation>
            <numerusform>%n follow-up measure planned for {period}.</numerusform>
            <numerusform>%n follow-up measures planned for {period}.</numerusform>
        </translation>
    </message>
</context>
</TS>
