namespace VarBot.Answering.Tests;

/// <summary>
/// Two- and three-turn conversations: follow-ups take over what they lack, a new topic starts fresh and never gets the
/// previous answer, and every follow-up button the bot offers answers.
/// </summary>
public sealed class ConversationTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>Turns as "question => text the answer must hold (| alternatives) !! text it must not hold".</summary>
    public static TheoryData<string, string[]> Conversations() => new()
    {
        { "year-kept-through-a-turn-pointing-back", ["Wie sprak er in 2017 op de Voorjaarscarrousel over Brabant? => Tromp", "Over welk boek van hem ging het? => achterkant",
            "Hoeveel mensen waren er dat jaar op de veiligheidsconferentie? => 250"] },
        { "year-not-kept-through-a-turn-of-its-own", ["Wie sprak er in 2017 op de Voorjaarscarrousel over Brabant? => Tromp", "Wanneer is het volgende Leerhuis? => 16 november 2026",
            "Welk Leerhuis was er dat jaar in juli? => 6 juli 2026 !! 2017"] },
        { "meetings-then-how-many-of-those", ["Welke Leerhuizen waren er in 2025? => 7 april 2025", "En hoeveel van die Leerhuizen zijn er in 2026? => drie Leerhuizen"] },
        { "named-meeting-then-other-period-is-the-meeting-of-its-kind", ["leerhuis navo wanneer => 7 juli 2025", "en in juli 2026 => 6 juli 2026 !! 7 juli 2026"] },
        { "named-meeting-then-other-period-named-again-stays-named", ["Wanneer was het Leerhuis over de NAVO-top? => 7 juli 2025", "En het Leerhuis over de NAVO-top in juli 2026? => NAVO-Top !! 6 juli 2026"] },
        { "search-then-meetings-of-a-year-without-pointing-back", ["welke film over zinloos geweld werd in 2020 met een lespakket van Halt ingezet? => Fataal", "welke leerhuizen waren er in 2025? => Criminele Uitbuiting !! Pathé"] },
        { "search-then-price-without-words", ["waar vind ik trainingen van var => website", "kost dat wat? => kosteloos !! Begroting 2026"] },
        { "carrousel-then-its-workshops", ["Wanneer was de workshopcarrousel van 2018? => 8 maart 2018", "Welke workshops waren er toen? => digitale opsporing"] },
        { "who-gave-a-workshop-at-a-conference-asks-who", ["Welke dienst gaf op de veiligheidsconferentie van 2017 een workshop over radicalisering? => AIVD"] },
        { "budget-then-price-stays-budget", ["Hoeveel was er in 2025 begroot voor loonkosten? => 330.000", "en wat kost dat in 2026? => 420.000"] },
        { "leerhuis-described-by-theme-then-when", ["Welk Leerhuis ging in 2023 over ondermijning? => Informatiegestuurd werken !! Statelijke dreigingen was", "Wanneer was dat? => 3 juli 2023 !! 17 april 2023"] },
        { "leerhuis-titled-by-theme-then-when", ["Welk Leerhuis ging in 2023 over zorg en veiligheid? => 14 september 2023 !! 3 juli 2023", "Wanneer was dat? => 14 september 2023"] },
        { "plan-period-then-what-comes-after", ["Vanuit welk beleidskader en actieplan werkt de VAR aan mensenhandel? => 2024-2026", "En wat komt daarna? => 2027-2030"] },
        { "meeting-then-what-comes-after-stays-meetings", ["Welk Leerhuis ging in 2023 over ondermijning? => Informatiegestuurd", "en wat kwam daarna? => Leerhuis !! 2027-2030"] },
        { "meeting-then-sequel", ["Wanneer was de Zorg- en Veiligheidsconferentie van 2025? => 24 maart 2025", "Kwam daar nog een vervolg op? => september !! 24 maart 2025"] },
        { "meeting-then-held-again-in-a-later-year", ["Wanneer was de veiligheidsconferentie van 2017? => 26 oktober 2017", "Wordt die later nog opnieuw georganiseerd? => begin 2019 !! 26 oktober"] },
        { "search-then-the-themes-now", ["Wat doet de VAR aan lachgas? => lachgas", "En op welke vijf thema's is de VAR nu actief? => Maatschappelijk ongenoegen !! lachgas"] },
        { "themes-of-a-year-then-the-themes-then", ["Welke thema's had de VAR in 2017? => Privacy", "en welke thema's waren dat toen precies? => Privacy !! Digitale veiligheid"] },
        { "frequency-then-frequency-planned-of-it", ["Hoe vaak kwam het Bestuurlijk Platform Zorg en Veiligheid in 2025 bijeen? => vier keer", "Hoe vaak staat het voor 2026 gepland? => tweemaal !! één gezamenlijke"] },
        { "frequency-then-count-of-its-own", ["Hoe vaak kwam het Bestuurlijk Platform Zorg en Veiligheid in 2025 bijeen? => vier keer", "Hoeveel gemeenten telt de regio? => 23 gemeenten !! Bestuurlijk Platform"] },
        { "meeting-then-audience-of-its-kind", ["Wanneer was het Leerhuis over criminele uitbuiting? => 7 april 2025", "Voor wie zijn die Leerhuizen eigenlijk bedoeld? => primair bedoeld voor bestuurders"] },
        { "meeting-then-audience-of-that-meeting", ["Wanneer was het Leerhuis over criminele uitbuiting? => 7 april 2025", "Voor wie was dat Leerhuis bedoeld? => Leerhuis !! primair bedoeld voor bestuurders"] },
        { "line-then-same-line-other-year-then-difference", ["Hoeveel was er in 2025 begroot voor loonkosten? => 330.000", "En hoeveel bedroegen de loonkosten in de begroting 2026? => 420.000", "Wat is het verschil tussen die twee bedragen? => 90.000"] },
        { "line-then-other-line-other-year-then-difference", ["Hoeveel was er in 2026 begroot voor loonkosten? => 420.000", "Hoeveel was er in 2024 begroot voor monitoring? => Monitoring", "wat is het verschil tussen die twee bedragen? => Monitoring !! 90.000"] },
        { "search-then-sequel-is-no-meeting-sequel", ["Bij wie ligt de ketenregie op de regionale aanpak mensenhandel? => VAR", "kwam daar nog een vervolg op? => vervolg !! Leerhuis Zorg en Veiligheid"] },
        { "leerhuis-then-theme", ["wanneer is het volgende leerhuis => 16 november 2026", "wat doet de VAR aan mensenhandel? => mensenhandel !! 16 november 2026"] },
        { "leerhuis-then-bare-theme", ["wanneer is het volgende leerhuis => 16 november 2026", "mensenhandel => mensenhandel !! 16 november 2026"] },
        { "monitoring-budget-then-theme", ["hoeveel is er in 2026 begroot voor monitoring => 30.000", "wat doet de VAR aan cybercrime? => digitale veiligheid !! 30.000"] },
        { "leerhuizen-list-then-theme", ["Welke Leerhuizen zijn er in 2026? => 23 maart 2026", "wat gaat de VAR in 2026 doen aan jeugd en veiligheid? => jeugd !! 23 maart 2026"] },
        { "budget-then-year", ["Wat is de begroting voor 2026? => 484.000", "En in 2025? => 745.000|671.623"] },
        { "budget-then-two-years", ["Wat is de begroting voor 2026? => 484.000", "En in 2025? => 745.000|671.623", "En in 2024? => 562.000|753.000"] },
        { "line-then-year", ["Hoeveel was er in 2025 begroot voor loonkosten? => 330.000", "en in 2026? => 420.000"] },
        { "line-then-other-line", ["Hoeveel was er in 2025 begroot voor loonkosten? => 330.000", "en voor monitoring? => 95.000"] },
        { "chair-then-year", ["Wie is de voorzitter van de VAR? => Segers", "En in 2020? => Heijkoop"] },
        { "chair-then-budget", ["Wie is de voorzitter van de VAR? => Segers", "Wat is de begroting voor 2026? => 484.000 !! Segers"] },
        { "budget-then-chair", ["Wat is de begroting voor 2026? => 484.000", "Wie is de voorzitter van de VAR? => Segers !! 484.000"] },
        { "theme-then-other-theme", ["Wat deed de VAR in 2025 aan digitale veiligheid? => digitale veiligheid", "en mensenhandel? => mensenhandel"] },
        { "theme-then-year", ["Wat deed de VAR in 2025 aan mensenhandel? => 2025", "en in 2024? => 2024"] },
        { "event-then-the-year-after", ["Welke thema's had de najaarscarrousel van 2020? => stalking", "en die van het jaar daarna, wanneer was die gepland? => 28 oktober 2021 !! 29 oktober 2020"] },
        { "event-then-same-year", ["Welke thema's had de najaarscarrousel van 2020? => stalking", "op welke datum was die? => 29 oktober 2020 !! 28 oktober 2021"] },
        { "meeting-then-what-happens-to-its-subject", ["leerhuis cyberoefendriehoek, wanneer was dat => 17 november 2025", "wat gebeurt daar dit jaar mee => Evaluatie Cyberoefendriehoek !! Een Leerhuis in 2026"] },
        { "meeting-then-same-meeting-this-year-is-no-subject-search", ["leerhuis cyberoefendriehoek, wanneer was dat => 17 november 2025", "en die van dit jaar? => Leerhuis !! Evaluatie Cyberoefendriehoek"] },
        { "sentence-naming-a-line-then-that-line", ["Door het wegvallen van welke subsidie staat de inzet op digitale veiligheid in 2026 onder druk? => City Deal", "Hoeveel bracht die subsidie in 2025 op? => 100.000 !! 261.623", "En in 2023? => 50.000 !! 115.000"] },
        { "sentence-naming-a-line-then-the-group-without-pointing-back", ["Wanneer is de Week van de Veiligheid? => week van de veiligheid", "Hoeveel subsidies kwamen er in 2025 binnen? => 261.623"] },
        { "event-then-when", ["wat was het thema van de najaarscarrousel 2025 => vangnet", "wanneer was die? => 16 oktober 2025"] },
        { "next-leerhuis-then-carrousel", ["wanneer is het volgende leerhuis => 16 november 2026", "en de najaarscarrousel? => 1 oktober 2026"] },
        { "leerhuis-then-budget", ["wanneer is het volgende leerhuis => 16 november 2026", "wat is de begroting voor 2026 => 484.000 !! 16 november 2026"] },
        { "leerhuis-then-chair", ["wanneer is het volgende leerhuis => 16 november 2026", "wie is de voorzitter => Segers !! 16 november 2026"] },
        { "budget-then-leerhuis", ["Wat is de begroting voor 2026? => 484.000", "wanneer is het volgende leerhuis? => 16 november 2026 !! 484.000"] },
        { "theme-then-leerhuis", ["Wat deed de VAR in 2025 aan mensenhandel? => mensenhandel", "welke leerhuizen waren er in 2025? => criminele uitbuiting"] },
        { "greeting-then-question", ["hallo => VarBot", "wanneer is het volgende leerhuis => 16 november 2026"] },
        { "question-then-thanks", ["wanneer is het volgende leerhuis => 16 november 2026", "dank je wel => graag gedaan !! 16 november 2026"] },
        { "question-then-who", ["Wat is de begroting voor 2026? => 484.000", "wie ben jij? => VarBot !! 484.000"] },
        { "question-then-english", ["Wat is de begroting voor 2026? => 484.000", "what is the budget for next year? => Nederlands !! 484.000"] },
        { "subscribers-then-followers", ["Hoeveel abonnees heeft de nieuwsbrief? => 1.400", "hoeveel volgers op linkedin? => 1.600 !! 1.400 abonnees"] },
        { "budget-then-meetings-line", ["Wat gaf de VAR in 2020 uit aan personeel? => 135.000", "en wat was daarvoor in 2021 begroot? => 140.000", "en voor bijeenkomsten dat jaar? => € 20.000"] },
        { "budget-then-outcome", ["Hoeveel was er voor 2025 begroot voor kennisbijeenkomsten? => € 25.000", "en wat is het uiteindelijk geworden? => € 27.000"] },
        { "leerhuizen-then-month-that-year", ["Welke Leerhuizen waren er in 2025? => 7 april 2025", "en welk leerhuis was er in september dat jaar? => 18 september 2025 !! 7 april 2025"] },
        { "group-lines-then-together", ["Welke subsidies ontving de VAR in 2025? => Subsidie Citydeal Cyberweerbaarheid", "en hoeveel is dat bij elkaar? => 261.623 !! 145.496"] },
        { "meeting-then-audience", ["Welk leerhuis was er in september 2025? => 18 september 2025", "en voor wie was dat bedoeld? => burgemeesters"] },
        { "frequency-then-years", ["Hoe vaak kwam het Bestuurlijk Platform Zorg en Veiligheid in 2025 bijeen? => vier keer", "en hoe vaak in 2026? => tweemaal"] },
        { "budgets-then-share-of-theme-line", ["Wat was de begroting voor 2021? => 654.000", "hoeveel daarvan was voor mensenhandel? => 300.000"] },
        { "next-none-then-last", ["Wanneer is de volgende Zorg- en Veiligheidsconferentie? => 24 maart 2025|niet", "Wanneer was de laatste dan? => 24 maart 2025"] },
        { "chair-then-predecessor", ["Wie is de voorzitter van de VAR? => Segers", "Wie was zijn voorganger? => Heijkoop !! Segers is volgens"] },
        { "chair-then-before", ["Wie is de voorzitter van de VAR? => Segers", "wie was het daarvoor? => Heijkoop"] },
        { "total-then-part", ["Wat was het totale budget in 2020 volgens de jaarrekening? => 398.000", "En hoeveel daarvan ging naar monitoring / GVB? => € 23.000"] },
        { "carrousel-then-theme", ["Wanneer was de najaarscarrousel 2025? => 16 oktober 2025", "wat was het thema? => vangnet"] },
        { "conference-then-organisers", ["Wanneer was de Zorg- en Veiligheidsconferentie in 2025? => 24 maart 2025", "Waar was die? => Kuip", "met wie organiseerde de VAR die? => RIEC"] },
        { "municipalities-then-year", ["Met hoeveel gemeenten werkt de VAR samen? => 23", "en in 2020? => 25"] },
        { "vice-then-year", ["Wie is de vicevoorzitter? => de Vries", "en in 2023? => van de Stadt"] },
        { "head-then-year", ["Wie is het hoofd van de VAR? => de Jong", "en in 2017? => Groeneveld"] },
        { "total-then-compare", ["Wat is de begroting voor 2026? => 484.000", "Hoe verhoudt het budget van 2026 zich tot 2025? => 484.000"] },
        { "jaarrekening-then-begroting", ["Wat staat er in de jaarrekening 2025? => 671.623", "en de begroting? => 745.000"] },
        { "monitoring-then-theme", ["Welke GVB rapportages komen er in 2026? => Veiligheidsbeeld 2025", "wat deed de VAR in 2025 aan jeugd en veiligheid => jeugd !! Veiligheidsbeeld 2025"] },
        { "theme-then-budget", ["Wat gaat de VAR in 2026 doen aan digitale veiligheid? => digitale veiligheid", "hoeveel is er in 2026 begroot voor kennisbijeenkomsten? => 15.000"] },
        { "search-then-search", ["Met welke gemeente is Koffer Verkeerd gelanceerd? => Dordrecht", "Sinds wanneer is Burgernet bij de VAR ondergebracht? => 2022 !! Dordrecht"] },
        { "search-then-leerhuis", ["Met welke gemeente is Koffer Verkeerd gelanceerd? => Dordrecht", "volgende leerhuis? => 16 november 2026"] },
        { "leerhuis-then-previous", ["wanneer is het volgende leerhuis => 16 november 2026", "en het vorige? => 16 november 2026"] },
        { "carrousel-then-that-carrousel", ["Wanneer was de najaarscarrousel 2025? => 16 oktober 2025", "wat was het thema van die najaarscarrousel? => vangnet"] },
        { "leerhuis-then-that-leerhuis", ["Welk leerhuis was er in september 2025? => 18 september 2025", "voor wie was dat leerhuis bedoeld? => burgemeesters"] },
        { "leerhuis-then-next-leerhuis", ["Welk leerhuis was er in september 2025? => 18 september 2025", "en wanneer is het volgende leerhuis? => 16 november 2026 !! 18 september"] },
        { "carrousel-then-year", ["wanneer was de najaarscarrousel van 2025? => 16 oktober 2025", "en in 2023? => 26 oktober 2023"] },
        { "carrousel-then-form-said-by-how-it-is-shaped", ["wanneer is de najaarscarrousel in 2021? => 28 oktober 2021", "wordt die online of fysiek? => coronacrisis"] },
        { "leerhuis-then-form-not-written", ["Welk leerhuis was er in september 2025? => 18 september 2025", "was dat online of fysiek? => niet in de jaarverslagen !! in de vorm van"] },
        { "agenda-meeting-then-its-partners", ["Wat stond er in maart 2025 op de VAR-agenda? => 24 maart 2025", "Met welke partners organiseerden we hem? => RIEC"] },
        { "agenda-meeting-then-partners-of-the-var", ["Wat stond er in maart 2025 op de VAR-agenda? => 24 maart 2025", "Met welke partners werkt de VAR samen? => 23 gemeenten !! Kuip"] },
        { "pilot-under-corrected-heading-then-organiser-and-payer", ["Welke gemeenten deden in 2017 mee aan Buurtpreventie PLUS? => Gorinchem !! Buurpreventie", "wie organiseerde die? => JSO", "En wie betaalde het? => provincie"] },
        { "leerhuizen-then-theme-of-one-of-them", ["Welke Leerhuizen waren er in 2018? => 9 april 2018", "Ligt het thema van een daarvan al vast? => mensenhandel"] },
        { "leerhuizen-then-newsletter-about-them-is-no-meeting", ["Welke Leerhuizen waren er in 2018? => 9 april 2018", "Wat was het thema van de VAR-nieuwsbrief daarvan? => nieuwsbrie !! Leerhuis ‘mensenhandel’"] },
        { "search-then-longer-sequel-question-with-own-year", ["Wat heeft de VAR in 2020 gedaan om ondernemers in de verblijfsrecreatie tegen cybercrime te wapenen? => ransomware", "Kwam daar in 2021 nog een vervolg op voor die ondernemers? => gedragsverandering"] },
        { "search-then-longer-question-pointing-back-without-sequel-starts-fresh", ["Wat heeft de VAR in 2020 gedaan om ondernemers in de verblijfsrecreatie tegen cybercrime te wapenen? => ransomware", "Hoeveel gemeenten deden in 2020 niet mee aan HackShield, weet je dat? => vijftien !! ransomware"] },
        { "list-then-year", ["welke leerhuizen waren er in 2024? => explosief", "en in 2023? => statelijke"] },
        { "unknown-then-known", ["wie wordt de nieuwe voorzitter? => staat niet", "wie is de voorzitter? => Segers"] },
        { "riec-then-var", ["Wat is het budget van het RIEC? => staan er niet in", "en van de VAR in 2026? => 484.000"] },
        { "theme-then-list", ["Wat deed de VAR in 2025 aan mensenhandel? => mensenhandel", "welke thema's heeft de VAR? => Digitale veiligheid !! Wat de VAR in 2025"] },
        { "leerhuis-date-then-theme-question", ["is er vandaag een leerhuis? => nee", "wat is er vorig jaar aan jeugd en veiligheid gedaan => jeugd"] },
        { "budget-then-share", ["Wat is de begroting voor 2026? => 484.000", "welk deel gaat naar loonkosten? => 420.000"] },
        { "line-then-year-then-rise", ["Hoeveel was er in 2025 begroot voor loonkosten? => 330.000", "en in 2026? => 420.000", "hoeveel is dat gestegen? => 90.000"] },
        { "begroting-then-jaarrekening-then-differs", ["Wat was het totaalbudget in de begroting 2024? => 562.000", "En wat is het volgens de jaarrekening geworden? => 753.000", "hoeveel scheelt dat? => 191.000"] },
        { "line-then-year-then-differs", ["Hoeveel was er in 2025 begroot voor loonkosten? => 330.000", "en in 2026? => 420.000", "Hoeveel scheelde dat? => 90.000"] },
        { "total-then-more-than", ["Wat is de begroting voor 2026? => 484.000", "is dat meer dan in 2025? => 745.000"] },
        { "vice-then-now", ["Wie was de vicevoorzitter in 2023? => van de Stadt", "en wie is het nu? => de Vries"] },
        { "greeting-and-who", ["Goedemorgen, wat kun je eigenlijk? => VarBot"] },
        { "greeting-before-question", ["Hallo, wanneer is het volgende leerhuis? => 16 november 2026"] },
        { "question-with-thanks", ["wanneer is het volgende leerhuis? alvast bedankt => 16 november 2026"] },
        { "leerhuis-then-other-month", ["wat was het thema van het leerhuis van april 2025? => criminele uitbuiting", "en die van september? => gesloten deuren|femicide"] },
        { "last-leerhuis-then-after", ["wanneer is het laatste leerhuis van dit jaar? => 16 november 2026", "komt er daarna nog een leerhuis dit jaar? => nee !! december"] },
        { "who-then-what-var-does", ["wie ben jij? => VarBot", "en wat doet de VAR eigenlijk? => kennis"] },
        { "chair-then-before-him", ["Wie is de voorzitter van de VAR? => Segers", "en wie was dat voor hem? => Heijkoop"] },
        { "meeting-how-it-went-then-its-themes", ["en de najaarscarrousel van 2020, hoe ging die? => digitaal", "welke thema's kwamen daar aan bod? => Stalking"] },
        { "meeting-then-topic-shift-definition", ["Wanneer is het volgende Leerhuis? => Leerhuis", "Heel wat anders: wat is de Veiligheidsmonitor eigenlijk? => bevolkingsonderzoek"] },
        { "publication-then-its-news-item", ["Welk Gezamenlijk Veiligheidsbeeld verscheen er in 2026? => 2025", "wanneer stond het nieuwsbericht daarover op de website? => 14 april 2026"] },
        { "publication-without-news-item", ["Welke Veiligheidsmonitor verscheen er in 2025? => CBS", "wanneer stond het nieuwsbericht daarover op de website? => staat niet in de bronnen"] },
        { "activity-then-who-paid", ["Wat was de actiedag 'Echt niet vandaag'? => actiedag", "wie betaalde dat? => CityDeal"] },
        { "pilot-then-who-paid-along", ["Wie organiseerde de pilot Buurtpreventie PLUS? => Bureau JSO", "en wie betaalde mee? => provincie Zuid-Holland"] },
        { "first-of-year-then-last-of-the-year", ["Wanneer is het eerste Leerhuis van 2026? => 23 maart 2026", "en het laatste Leerhuis van het jaar? => 16 november 2026"] },
        { "line-year-then-difference", ["Hoeveel was er in 2025 begroot voor monitoring? => 95.000", "en in 2026? => 30.000",
            "wat is het verschil? => 65.000 lager"] },
        { "past-chair-successor-municipality", ["Wie was in 2020 voorzitter? => Heijkoop", "en wie volgde hem op? => Segers",
            "in welke gemeente is die burgemeester? => Molenlanden !! Hendrik"] },
        { "successor-then-vice-then", ["Wie was in 2020 voorzitter? => Heijkoop", "wie volgde hem op? => Segers",
            "en wie was toen vicevoorzitter? => van de Stadt !! de Vries"] },
        { "subject-theme-then-contribution", ["Sinds wanneer valt Burgernet onder de VAR? => 2022", "Betalen gemeenten daar nog een inwonersbijdrage voor? => vervallen !! € 199.000"] },
        { "definition-then-since", ["Wat is Burgernet? => politie en burgers", "sinds wanneer zit dat bij de VAR? => 2022"] },
        { "meeting-then-attendance", ["waar ging de najaarscarrousel van 2025 over? => vangnet", "hoeveel mensen waren er? => staat niet in !! ruim 100"] },
        { "meeting-then-participants", ["waar ging de najaarscarrousel van 2025 over? => vangnet", "hoeveel deelnemers waren er? => staat niet in !! 23 gemeenten"] },
        { "line-of-group-then-year", ["hoeveel PmG-subsidie is er voor 2024 begroot? => 110.000 !! 211.000", "en hoeveel was dat in 2023? => € 10.000"] },
        { "count-then-planned-count-of-another-year", ["Hoeveel netwerkbijeenkomsten jeugd en veiligheid waren er in 2024? => vijf", "En hoeveel stonden er in 2025 op de planning? => vier"] },
        { "monitor-then-count-of-victims-in-it", ["In welk jaar is de regionale mensenhandelmonitor over 2024 verschenen? => 2025", "en hoeveel slachtoffers stonden daarin vermeld? => staat niet in !! Twee zijdes"] },
        { "film-then-new-parts", ["Hoe heet de interactieve film voor senioren? => Echt of Nep", "zijn er later nog nieuwe afleveringen bij gekomen? => drie nieuwe scenes"] },
        { "leerhuis-then-three", ["wanneer is het volgende leerhuis => 16 november 2026", "welke leerhuizen waren er in 2025 => criminele uitbuiting", "en hoeveel is er in 2025 begroot voor kennisbijeenkomsten => 25.000 !! criminele uitbuiting"] },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public void Ask_Conversation_EachTurnAnswersItsOwnQuestion(string name, string[] turns)
    {
        ConversationContext? context = null;
        string? previousAnswer = null;
        foreach (var turn in turns)
        {
            var (question, must, mustNot) = Parse(turn);
            var answer = RealModel.Engine.Ask(new Question(question, Today, context));
            var text = AnswerText.Flatten(answer);
            Assert.True(must.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)), $"{name}: '{question}' should hold {string.Join(" or ", must)}\n{text}");
            if (mustNot is not null)
            {
                Assert.DoesNotContain(mustNot, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.NotEqual(previousAnswer, text);
            previousAnswer = text;
            context = ConversationContext.FromJson(answer.Context.ToJson());
        }
    }

    [Fact]
    public void Ask_NextAfterYesterdaysMeeting_IsTheMeetingAfterIt()
    {
        var day = new DateOnly(2025, 4, 8);
        var first = RealModel.Engine.Ask(new Question("Gisteren was er een leerhuis, toch?", day));
        Assert.Contains("7 april 2025", AnswerText.Flatten(first), StringComparison.Ordinal);

        var next = RealModel.Engine.Ask(new Question("Wanneer is de volgende?", day, ConversationContext.FromJson(first.Context.ToJson())));
        Assert.Contains("7 juli 2025", AnswerText.Flatten(next), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staat er daarvoor nog iets anders op de agenda?", "16 oktober 2025 – Najaarscarrousel", "18 september 2025")]
    [InlineData("En het Leerhuis daarvoor?", "18 september 2025", "Najaarscarrousel")]
    public void Ask_BeforeTheMeetingJustAnswered_TheAgendaStillToComeOrTheMeetingOfItsKind(string question, string expected, string unexpected)
    {
        var day = new DateOnly(2025, 10, 1);
        var first = RealModel.Engine.Ask(new Question("Wanneer is het volgende Leerhuis?", day));
        Assert.Contains("17 november 2025", AnswerText.Flatten(first), StringComparison.Ordinal);

        var before = AnswerText.Flatten(RealModel.Engine.Ask(new Question(question, day, ConversationContext.FromJson(first.Context.ToJson()))));
        Assert.Contains(expected, before, StringComparison.Ordinal);
        Assert.DoesNotContain(unexpected, before, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_MeetingAboutTheSubjectJustAnswered_IsThatSubjectsMeetingNotTheAgenda()
    {
        var first = RealModel.Engine.Ask(new Question("welke film over zinloos geweld werd in 2020 met een lespakket van Halt ingezet?", Today));
        Assert.Contains("Fataal", AnswerText.Flatten(first), StringComparison.Ordinal);

        var about = AnswerText.Flatten(RealModel.Engine.Ask(new Question("waar zou de regionale bijeenkomst daarover plaatsvinden?", Today, ConversationContext.FromJson(first.Context.ToJson()))));

        Assert.Contains("Pathé", about, StringComparison.Ordinal);
        Assert.DoesNotContain("kennisbijeenkomsten", about, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ask_SecondQuestionAfterTheMark_ComparesWithTheYearItNames()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Hoeveel is er in 2026 begroot voor loonkosten? Meer dan vorig jaar?", Today)));

        Assert.Contains("€ 420.000", text, StringComparison.Ordinal);
        Assert.Contains("€ 330.000 (begroting 2025): € 90.000 hoger", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Starts() =>
    [
        "Wanneer is het volgende Leerhuis?",
        "Wat is de begroting voor 2026?",
        "Wat heeft de VAR in 2025 gedaan aan digitale veiligheid?",
        "Wie is de voorzitter van de VAR?",
        "Welke thema's heeft de VAR?",
        "hallo",
        "Welke Leerhuizen zijn er in 2025?",
        "Hoeveel is er in 2026 begroot voor monitoring?",
        "Wat gaat de VAR in 2026 doen aan mensenhandel?",
        "Wat is het weer morgen?",
    ];

    [Theory]
    [MemberData(nameof(Starts))]
    public void Ask_EveryFollowUpButton_Answers(string start)
    {
        var first = RealModel.Engine.Ask(new Question(start, Today));
        Assert.NotEmpty(first.Suggestions);
        foreach (var suggestion in first.Suggestions)
        {
            var clicked = RealModel.Engine.Ask(new Question(suggestion, Today, first.Context));
            Assert.True(clicked.Card.Template != "notFound", $"'{start}' offered '{suggestion}', which answered:\n{AnswerText.Flatten(clicked)}");
        }
    }

    [Theory]
    [InlineData("{\"intent\":\"budget\",\"slots\":{\"years\":\"2026\",\"lines\":\"loonkosten\"}}")]
    [InlineData("not json")]
    [InlineData("{\"intent\":42}")]
    [InlineData("[]")]
    public void FromJson_OldOrUnknownContext_StartsFresh(string json)
    {
        var context = ConversationContext.FromJson(json);
        var answer = RealModel.Engine.Ask(new Question("wanneer is het volgende leerhuis", Today, context));

        Assert.Contains("16 november 2026", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Context_IsCompactAndRoundTrips()
    {
        var answer = RealModel.Engine.Ask(new Question("Hoeveel was er in 2025 begroot voor loonkosten?", Today));
        var json = answer.Context.ToJson();

        Assert.True(json.Length < 400, json);
        Assert.Equal(answer.Context.ToJson(), ConversationContext.FromJson(json)!.ToJson());
    }

    private static (string Question, string[] Must, string? MustNot) Parse(string turn)
    {
        var parts = turn.Split(" => ");
        var rest = parts[1].Split(" !! ");
        return (parts[0], rest[0].Split('|'), rest.Length > 1 ? rest[1] : null);
    }
}
