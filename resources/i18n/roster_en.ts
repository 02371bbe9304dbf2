<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
