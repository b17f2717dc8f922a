"""A labelled story corpus, written for wirestream: one simulated day of dispatches in fr, nl and en.

Eight stories, each told by several agencies, in several languages and some in several versions,
interleaved with unrelated dispatches; some of those name a person, a company or a union that a
story names too (the same minister on another subject, the same railway on another day's business),
which is what makes threading hard. Every text here is invented for this corpus. `STORY` of an
unrelated dispatch is its own id: a story of one.

`envelopes()` gives the dispatches as wirestream JSON envelopes, in event-time order; `gold()` maps
each dispatch id to its story label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DAY = "2026-03-10"


@dataclass(frozen=True, slots=True)
class Item:
    """One dispatch (one version of it) and the story it belongs to."""

    story: str | None  # None: unrelated, a story of its own
    id: str
    version: int
    agency: str
    lang: str
    time: str  # HH:MM on DAY, UTC
    headline: str
    body: str

    def envelope(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "agency": self.agency,
            "lang": self.lang,
            "received_at": f"{DAY}T{self.time}:00Z",
            "headline": self.headline,
            "body": self.body,
        }


ITEMS = [
    # -- rail strike (fr, nl, en; an update) ------------------------------------------------------
    Item(
        "rail-strike",
        "blg-fr-0612",
        1,
        "Belga",
        "fr",
        "06:12",
        "Grève à la SNCB: un train sur trois circule ce mardi",
        "BRUXELLES (Belga) - La grève des cheminots perturbe fortement le trafic ferroviaire ce mardi. Selon la "
        "SNCB, un train sur trois seulement circule sur le réseau. Les syndicats CGSP Cheminots et CSC-Transcom "
        "protestent contre le plan de réforme des retraites du personnel roulant. Le ministre de la Mobilité "
        "Georges Gilkinet appelle à la reprise du dialogue social.",
    ),
    Item(
        "rail-strike",
        "blg-nl-0618",
        1,
        "Belga",
        "nl",
        "06:18",
        "Spoorstaking: slechts één op drie treinen rijdt",
        "BRUSSEL (Belga) - De spoorstaking verstoort dinsdag zwaar het treinverkeer. Volgens de NMBS rijdt slechts "
        "één trein op drie. De vakbonden ACOD Spoor en ACV-Transcom voeren actie tegen de pensioenhervorming voor het "
        "rijdend personeel. Minister van Mobiliteit Georges Gilkinet roept op om het sociaal overleg te hervatten.",
    ),
    Item(
        "rail-strike",
        "rtr-en-0705",
        1,
        "Reuters",
        "en",
        "07:05",
        "Belgian rail strike cuts train services by two thirds",
        "BRUSSELS (Reuters) - A strike by Belgian rail workers left only one train in three running on Tuesday, "
        "national operator SNCB said. Unions are protesting against a pension reform for train staff. Mobility "
        "minister Georges Gilkinet urged both sides to return to talks, while commuters crowded into the few "
        "trains still running to Brussels.",
    ),
    Item(
        "rail-strike",
        "blg-fr-0612",
        2,
        "Belga",
        "fr",
        "09:40",
        "Grève à la SNCB: la circulation reste très perturbée, Gilkinet convoque les syndicats",
        "BRUXELLES (Belga) - La grève des cheminots perturbe toujours le trafic ferroviaire ce mardi matin. Selon "
        "la SNCB, un train sur trois seulement circule. Le ministre de la Mobilité Georges Gilkinet a convoqué les "
        "syndicats CGSP Cheminots et CSC-Transcom mercredi pour discuter de la réforme des retraites du personnel "
        "roulant.",
    ),
    Item(
        "rail-strike",
        "blg-nl-1105",
        1,
        "Belga",
        "nl",
        "11:05",
        "Gilkinet nodigt spoorbonden woensdag uit",
        "BRUSSEL (Belga) - Minister van Mobiliteit Georges Gilkinet heeft de spoorbonden ACOD Spoor en ACV-Transcom "
        "woensdag uitgenodigd voor overleg over de pensioenhervorming. De staking bij de NMBS legt dinsdag twee op "
        "drie treinen stil. 'Het is tijd om rond de tafel te gaan zitten', zei Gilkinet.",
    ),
    # -- Delhaize franchise (nl, fr; AFP) ---------------------------------------------------------
    Item(
        "delhaize",
        "blg-nl-0730",
        1,
        "Belga",
        "nl",
        "07:30",
        "Delhaize verzelfstandigt alle 128 eigen supermarkten",
        "ZELLIK (Belga) - Supermarktketen Delhaize gaat al zijn 128 eigen winkels overdragen aan zelfstandige "
        "uitbaters. Dat heeft de directie dinsdag aan de vakbonden meegedeeld. De vakbonden ACV Puls en BBTK "
        "spreken van een sociaal bloedbad en dreigen met acties. Ongeveer 9.000 werknemers zijn betrokken.",
    ),
    Item(
        "delhaize",
        "blg-fr-0741",
        1,
        "Belga",
        "fr",
        "07:41",
        "Delhaize va franchiser ses 128 supermarchés intégrés",
        "ZELLIK (Belga) - La chaîne de supermarchés Delhaize va céder ses 128 magasins intégrés à des exploitants "
        "indépendants, a annoncé la direction mardi aux syndicats. Le SETCa et la CNE dénoncent un bain de sang "
        "social et menacent de mener des actions. Quelque 9.000 travailleurs sont concernés.",
    ),
    Item(
        "delhaize",
        "afp-fr-1010",
        1,
        "AFP",
        "fr",
        "10:10",
        "Belgique: colère syndicale après l'annonce de Delhaize",
        "BRUXELLES (AFP) - Les syndicats belges ont réagi avec colère à l'annonce par Delhaize, filiale du groupe "
        "Ahold Delhaize, de la franchise de ses 128 supermarchés. Plusieurs magasins ont fermé leurs portes mardi "
        "après des arrêts de travail spontanés, selon la CNE.",
    ),
    Item(
        "delhaize",
        "blg-nl-1320",
        1,
        "Belga",
        "nl",
        "13:20",
        "Spontane stakingen in tientallen Delhaize-winkels",
        "BRUSSEL (Belga) - Na de aankondiging van de verzelfstandiging zijn tientallen Delhaize-winkels dinsdag "
        "dicht gebleven. Het personeel legde spontaan het werk neer, meldt ACV Puls. BBTK eist dat de directie "
        "haar plan intrekt. De supermarktketen zegt dat de lonen van het personeel gegarandeerd blijven.",
    ),
    # -- De Croo and Macron on Ukraine (fr, nl, en) -----------------------------------------------
    Item(
        "decroo-macron",
        "blg-fr-0915",
        1,
        "Belga",
        "fr",
        "09:15",
        "Alexander De Croo reçu par Emmanuel Macron à l'Élysée",
        "PARIS (Belga) - Le Premier ministre Alexander De Croo a été reçu mardi par le président Emmanuel Macron à "
        "l'Élysée. Les deux dirigeants ont évoqué le soutien militaire à l'Ukraine et la défense européenne. "
        "« L'Europe doit prendre son destin en main », a déclaré Alexander De Croo à l'issue de l'entretien.",
    ),
    Item(
        "decroo-macron",
        "blg-nl-0922",
        1,
        "Belga",
        "nl",
        "09:22",
        "De Croo ontmoet Macron in het Elysée",
        "PARIJS (Belga) - Premier Alexander De Croo is dinsdag door de Franse president Emmanuel Macron ontvangen "
        "in het Elysée. De twee leiders hadden het over de militaire steun aan Oekraïne en de Europese defensie. "
        "'Europa moet zijn lot in eigen handen nemen', zei De Croo na het gesprek.",
    ),
    Item(
        "decroo-macron",
        "afp-fr-1002",
        1,
        "AFP",
        "fr",
        "10:02",
        "Macron et De Croo plaident pour une défense européenne renforcée",
        "PARIS (AFP) - Emmanuel Macron et le Premier ministre belge Alexander De Croo ont plaidé mardi à Paris pour "
        "un effort accru de défense en Europe et un soutien durable à l'Ukraine. Le président français a salué "
        "l'engagement de la Belgique, qui livrera des avions F-16 à Kiev.",
    ),
    Item(
        "decroo-macron",
        "rtr-en-1030",
        1,
        "Reuters",
        "en",
        "10:30",
        "Macron, Belgium's De Croo call for stronger European defence",
        "PARIS (Reuters) - French President Emmanuel Macron and Belgian Prime Minister Alexander De Croo called on "
        "Tuesday for Europe to spend more on defence and keep supporting Ukraine. Belgium has pledged F-16 fighter "
        "jets to Kyiv. 'Europe must take its destiny into its own hands,' De Croo told reporters at the Elysee.",
    ),
    # -- pension reform in the federal government (nl, fr, en; an update) -------------------------
    Item(
        "pensions",
        "blg-nl-0800",
        1,
        "Belga",
        "nl",
        "08:00",
        "Vandenbroucke en Van Peteghem botsen over pensioenbonus",
        "BRUSSEL (Belga) - Minister van Sociale Zaken Frank Vandenbroucke en minister van Financiën Vincent Van "
        "Peteghem liggen overhoop over de pensioenbonus. Van Peteghem wil de kosten beperken, Vandenbroucke houdt "
        "vast aan zijn voorstel. Minister van Pensioenen Karine Lalieux verdedigt de bonus voor wie langer werkt.",
    ),
    Item(
        "pensions",
        "blg-fr-0810",
        1,
        "Belga",
        "fr",
        "08:10",
        "Bonus pension: Lalieux et Van Peteghem s'opposent",
        "BRUXELLES (Belga) - La ministre des Pensions Karine Lalieux et le ministre des Finances Vincent Van "
        "Peteghem s'opposent sur le bonus pension. Frank Vandenbroucke, ministre des Affaires sociales, soutient "
        "le principe d'un bonus pour ceux qui travaillent plus longtemps.",
    ),
    Item(
        "pensions",
        "blg-fr-0810",
        2,
        "Belga",
        "fr",
        "12:45",
        "Bonus pension: accord au sein du gouvernement fédéral",
        "BRUXELLES (Belga) - Après une matinée de discussions, le gouvernement fédéral a trouvé un accord sur le "
        "bonus pension. La ministre des Pensions Karine Lalieux et le ministre des Finances Vincent Van Peteghem "
        "ont accepté un bonus plafonné. Frank Vandenbroucke salue un compromis équilibré.",
    ),
    Item(
        "pensions",
        "ap-en-1330",
        1,
        "AP",
        "en",
        "13:30",
        "Belgian government agrees capped pension bonus",
        "BRUSSELS (AP) - Belgium's federal government agreed on Tuesday to a capped bonus for people who keep "
        "working beyond retirement age. Pensions minister Karine Lalieux and finance minister Vincent Van Peteghem "
        "had clashed over the cost of the measure. Social affairs minister Frank Vandenbroucke welcomed the deal.",
    ),
    Item(
        "pensions",
        "blg-nl-1400",
        1,
        "Belga",
        "nl",
        "14:00",
        "Akkoord over geplafonneerde pensioenbonus",
        "BRUSSEL (Belga) - De federale regering heeft een akkoord bereikt over de pensioenbonus. Karine Lalieux en "
        "Vincent Van Peteghem gaan akkoord met een plafond. Premier Alexander De Croo spreekt van een evenwichtig "
        "compromis, Frank Vandenbroucke is tevreden.",
    ),
    # -- Evenepoel crash (nl, fr, en; AFP) ---------------------------------------------------------
    Item(
        "evenepoel",
        "blg-nl-1455",
        1,
        "Belga",
        "nl",
        "14:55",
        "Remco Evenepoel zwaar gevallen in Ronde van Baskenland",
        "VITORIA (Belga) - Remco Evenepoel is dinsdag zwaar ten val gekomen in de Ronde van Baskenland. De renner "
        "van Soudal Quick-Step werd met een ambulance naar het ziekenhuis gebracht. Ploegleider Patrick Lefevere "
        "vreest een sleutelbeenbreuk.",
    ),
    Item(
        "evenepoel",
        "blg-fr-1502",
        1,
        "Belga",
        "fr",
        "15:02",
        "Lourde chute de Remco Evenepoel au Tour du Pays basque",
        "VITORIA (Belga) - Remco Evenepoel a lourdement chuté mardi lors du Tour du Pays basque. Le coureur de "
        "Soudal Quick-Step a été évacué en ambulance vers l'hôpital. Son manager Patrick Lefevere craint une "
        "fracture de la clavicule.",
    ),
    Item(
        "evenepoel",
        "rtr-en-1540",
        1,
        "Reuters",
        "en",
        "15:40",
        "Evenepoel taken to hospital after heavy crash in Basque Country",
        "VITORIA (Reuters) - Belgian rider Remco Evenepoel was taken to hospital after a heavy crash on a descent "
        "in the Tour of the Basque Country on Tuesday, his Soudal Quick-Step team said. Team boss Patrick Lefevere "
        "said he feared a broken collarbone.",
    ),
    Item(
        "evenepoel",
        "blg-nl-1455",
        2,
        "Belga",
        "nl",
        "17:10",
        "Remco Evenepoel breekt sleutelbeen in Ronde van Baskenland",
        "VITORIA (Belga) - Remco Evenepoel heeft bij zijn val in de Ronde van Baskenland een sleutelbeen en een "
        "schouderblad gebroken, meldt Soudal Quick-Step. Patrick Lefevere verwacht dat de renner enkele weken "
        "out is. Zijn deelname aan de Tour de France komt in gevaar.",
    ),
    Item(
        "evenepoel",
        "afp-fr-1725",
        1,
        "AFP",
        "fr",
        "17:25",
        "Cyclisme: fractures de la clavicule et de l'omoplate pour Evenepoel",
        "VITORIA (AFP) - Le Belge Remco Evenepoel souffre d'une fracture de la clavicule et de l'omoplate après sa "
        "chute au Tour du Pays basque, a annoncé son équipe Soudal Quick-Step. Sa participation au Tour de France "
        "est incertaine.",
    ),
    # -- strike at Brussels Airport (fr, nl, en) ----------------------------------------------------
    Item(
        "airport",
        "blg-fr-1600",
        1,
        "Belga",
        "fr",
        "16:00",
        "Brussels Airport: tous les départs annulés mercredi",
        "ZAVENTEM (Belga) - Brussels Airport annulera tous les vols au départ mercredi en raison d'une grève du "
        "personnel de sécurité. La société Securitas et les syndicats n'ont pas trouvé d'accord sur les horaires. "
        "Environ 30.000 passagers sont touchés, indique l'aéroport.",
    ),
    Item(
        "airport",
        "blg-nl-1608",
        1,
        "Belga",
        "nl",
        "16:08",
        "Brussels Airport schrapt woensdag alle vertrekkende vluchten",
        "ZAVENTEM (Belga) - Brussels Airport schrapt woensdag alle vertrekkende vluchten door een staking van het "
        "veiligheidspersoneel. Securitas en de vakbonden vonden geen akkoord over de uurroosters. Zowat 30.000 "
        "passagiers zijn getroffen.",
    ),
    Item(
        "airport",
        "blg-en-1625",
        1,
        "Belga",
        "en",
        "16:25",
        "All departures from Brussels Airport cancelled on Wednesday",
        "ZAVENTEM (Belga) - Brussels Airport will cancel all departing flights on Wednesday because of a strike by "
        "security staff employed by Securitas. Talks between the company and the unions on working hours failed. "
        "Around 30,000 passengers are affected.",
    ),
    Item(
        "airport",
        "rtr-en-1710",
        1,
        "Reuters",
        "en",
        "17:10",
        "Strike grounds Brussels Airport departures, 30,000 passengers hit",
        "BRUSSELS (Reuters) - Brussels Airport said it would cancel all departures on Wednesday as security staff "
        "of Securitas walk out in a row over rosters. Brussels Airlines said it was rebooking passengers on flights "
        "from Liege and Amsterdam.",
    ),
    # -- Club Brugge - Anderlecht (nl, fr, en) -------------------------------------------------------
    Item(
        "football",
        "blg-nl-2130",
        1,
        "Belga",
        "nl",
        "21:30",
        "Club Brugge klopt Anderlecht na late goal",
        "BRUGGE (Belga) - Club Brugge heeft dinsdag in de topper Anderlecht met 2-1 verslagen. Hans Vanaken maakte "
        "in de blessuretijd het winnende doelpunt. Anderlecht was op voorsprong gekomen via Kasper Dolberg. Club "
        "Brugge komt zo op gelijke hoogte met leider Union.",
    ),
    Item(
        "football",
        "blg-fr-2136",
        1,
        "Belga",
        "fr",
        "21:36",
        "Le Club Bruges renverse Anderlecht dans les arrêts de jeu",
        "BRUGES (Belga) - Le Club Bruges a battu Anderlecht 2-1 mardi au terme d'un choc renversant. Hans Vanaken a "
        "inscrit le but de la victoire dans les arrêts de jeu, après l'ouverture du score de Kasper Dolberg pour "
        "les Mauves.",
    ),
    Item(
        "football",
        "blg-en-2150",
        1,
        "Belga",
        "en",
        "21:50",
        "Vanaken's late winner gives Club Brugge victory over Anderlecht",
        "BRUGES (Belga) - Hans Vanaken scored in stoppage time as Club Brugge came from behind to beat Anderlecht "
        "2-1 on Tuesday. Kasper Dolberg had put the visitors ahead before the break.",
    ),
    # -- farmers at the European Council (fr, nl, en; AFP; an update) -------------------------------
    Item(
        "farmers",
        "blg-fr-0830",
        1,
        "Belga",
        "fr",
        "08:30",
        "Des centaines de tracteurs dans le quartier européen",
        "BRUXELLES (Belga) - Des centaines d'agriculteurs ont envahi mardi matin le quartier européen avec leurs "
        "tracteurs, en marge du Conseil européen. Ils dénoncent la baisse de leurs revenus et les normes "
        "environnementales. Le Boerenbond et la FWA soutiennent le mouvement.",
    ),
    Item(
        "farmers",
        "blg-nl-0842",
        1,
        "Belga",
        "nl",
        "08:42",
        "Honderden tractoren in Europese wijk",
        "BRUSSEL (Belga) - Honderden boeren zijn dinsdagochtend met hun tractoren de Europese wijk ingereden, in "
        "de marge van de Europese Raad. Ze protesteren tegen hun dalende inkomens en de milieuregels. De "
        "Boerenbond steunt de actie.",
    ),
    Item(
        "farmers",
        "afp-fr-1120",
        1,
        "AFP",
        "fr",
        "11:20",
        "Colère agricole: Ursula von der Leyen promet de simplifier les règles",
        "BRUXELLES (AFP) - Face aux tracteurs massés devant le Conseil européen, la présidente de la Commission "
        "Ursula von der Leyen a promis mardi de simplifier les règles environnementales imposées aux "
        "agriculteurs. Le Copa-Cogeca juge ces annonces insuffisantes.",
    ),
    Item(
        "farmers",
        "rtr-en-1150",
        1,
        "Reuters",
        "en",
        "11:50",
        "EU's von der Leyen pledges to cut red tape as farmers protest in Brussels",
        "BRUSSELS (Reuters) - European Commission President Ursula von der Leyen promised on Tuesday to ease "
        "environmental rules for farmers, as hundreds of tractors blocked streets around the European Council "
        "summit. Farm lobby Copa-Cogeca said the pledges fell short.",
    ),
    Item(
        "farmers",
        "blg-nl-0842",
        2,
        "Belga",
        "nl",
        "12:30",
        "Boerenprotest in Europese wijk: von der Leyen belooft minder regels",
        "BRUSSEL (Belga) - Honderden boeren zijn dinsdag met hun tractoren de Europese wijk ingereden, in de marge "
        "van de Europese Raad. Commissievoorzitter Ursula von der Leyen belooft de milieuregels te "
        "vereenvoudigen. De Boerenbond en Copa-Cogeca vinden dat onvoldoende.",
    ),
    # -- unrelated dispatches: some name what a story names -----------------------------------------
    Item(
        None,
        "blg-fr-0105",
        1,
        "Belga",
        "fr",
        "01:05",
        "Incendie dans un entrepôt à Charleroi",
        "CHARLEROI (Belga) - Un incendie a ravagé dans la nuit un entrepôt de la zone industrielle de Gosselies. "
        "Les pompiers de la zone Charleroi Métropole sont restés sur place jusqu'au matin. Personne n'a été blessé.",
    ),
    Item(
        None,
        "blg-nl-0220",
        1,
        "Belga",
        "nl",
        "02:20",
        "Aanrijding op E40 bij Aalter kost het leven aan bestuurder",
        "AALTER (Belga) - Op de E40 in Aalter is een bestuurder om het leven gekomen bij een aanrijding met een "
        "vrachtwagen. De snelweg richting Brugge was urenlang afgesloten. Het parket van Oost-Vlaanderen stelt een "
        "deskundige aan.",
    ),
    Item(
        None,
        "rtr-en-0350",
        1,
        "Reuters",
        "en",
        "03:50",
        "Oil prices edge up on Middle East supply worries",
        "LONDON (Reuters) - Oil prices rose in Asian trade on Tuesday as worries over supply from the Middle East "
        "outweighed signs of weaker demand in China. Brent crude futures gained 40 cents.",
    ),
    Item(
        None,
        "blg-nl-0900",
        1,
        "Belga",
        "nl",
        "09:00",
        "NMBS bestelt 200 nieuwe dubbeldekstreinen",
        "BRUSSEL (Belga) - De NMBS heeft bij Alstom 200 nieuwe dubbeldekstreinen besteld voor het voorstedelijk "
        "net. De eerste treinen moeten in 2029 rijden. De bestelling kost 1,2 miljard euro.",
    ),
    Item(
        None,
        "blg-fr-0945",
        1,
        "Belga",
        "fr",
        "09:45",
        "Alexander De Croo visite une école d'ingénieurs à Gand",
        "GAND (Belga) - Le Premier ministre Alexander De Croo a visité mardi une école d'ingénieurs de l'université "
        "de Gand. Il a plaidé pour attirer davantage de jeunes femmes vers les études techniques.",
    ),
    Item(
        None,
        "afp-fr-1015",
        1,
        "AFP",
        "fr",
        "10:15",
        "Emmanuel Macron annonce un plan pour l'hôpital public",
        "PARIS (AFP) - Emmanuel Macron a annoncé mardi un plan de trois milliards d'euros pour l'hôpital public "
        "français. Le gouvernement de Gabriel Attal présentera les détails la semaine prochaine.",
    ),
    Item(
        None,
        "blg-nl-1030",
        1,
        "Belga",
        "nl",
        "10:30",
        "Vandenbroucke wil meer verpleegkundigen in ziekenhuizen",
        "BRUSSEL (Belga) - Minister van Volksgezondheid Frank Vandenbroucke trekt 200 miljoen euro uit om meer "
        "verpleegkundigen aan te werven in de ziekenhuizen. De vakbonden vinden het een eerste stap.",
    ),
    Item(
        None,
        "blg-fr-1130",
        1,
        "Belga",
        "fr",
        "11:30",
        "Proximus relève ses prévisions après un bon trimestre",
        "BRUXELLES (Belga) - Proximus a relevé ses prévisions annuelles après un premier trimestre meilleur "
        "qu'attendu. L'opérateur télécom a gagné 40.000 clients sur la fibre optique.",
    ),
    Item(
        None,
        "blg-nl-1200",
        1,
        "Belga",
        "nl",
        "12:00",
        "Anderlecht verlengt contract van trainer Brian Riemer",
        "BRUSSEL (Belga) - Anderlecht heeft het contract van trainer Brian Riemer verlengd tot 2027. De Deen kwam "
        "in 2022 naar het Lotto Park.",
    ),
    Item(
        None,
        "rtr-en-1215",
        1,
        "Reuters",
        "en",
        "12:15",
        "ECB's Lagarde says inflation fight not over",
        "FRANKFURT (Reuters) - European Central Bank President Christine Lagarde said on Tuesday the fight against "
        "inflation was not over, pushing back against market bets on early rate cuts.",
    ),
    Item(
        None,
        "blg-fr-1310",
        1,
        "Belga",
        "fr",
        "13:10",
        "Liège: le procès de l'attaque au couteau s'ouvre devant la cour d'assises",
        "LIEGE (Belga) - Le procès de l'attaque au couteau du boulevard d'Avroy s'est ouvert mardi devant la cour "
        "d'assises de Liège. L'accusé, un homme de 34 ans, conteste la préméditation.",
    ),
    Item(
        None,
        "blg-nl-1345",
        1,
        "Belga",
        "nl",
        "13:45",
        "Bpost verhoogt prijs van postzegel",
        "BRUSSEL (Belga) - Bpost verhoogt volgend jaar de prijs van een binnenlandse postzegel met tien cent. Het "
        "postbedrijf wijst op de dalende briefvolumes.",
    ),
    Item(
        None,
        "ap-en-1420",
        1,
        "AP",
        "en",
        "14:20",
        "Ryanair cuts summer capacity in Belgium over airport charges",
        "DUBLIN (AP) - Ryanair will cut its summer flights from Charleroi by a fifth, blaming higher airport "
        "charges. Chief executive Michael O'Leary said Belgium was becoming too expensive.",
    ),
    Item(
        None,
        "blg-nl-1515",
        1,
        "Belga",
        "nl",
        "15:15",
        "Lotto Dstny rekent op Arnaud De Lie in Scheldeprijs",
        "SCHOTEN (Belga) - Lotto Dstny trekt woensdag met Arnaud De Lie als kopman naar de Scheldeprijs. De "
        "sprinter won vorig jaar nog een rit in de Ronde van Wallonië.",
    ),
    Item(
        None,
        "blg-fr-1640",
        1,
        "Belga",
        "fr",
        "16:40",
        "La FGTB manifestera le 25 mars contre la norme salariale",
        "BRUXELLES (Belga) - La FGTB organisera le 25 mars une manifestation nationale à Bruxelles contre la norme "
        "salariale. Le syndicat socialiste réclame une marge de négociation plus large.",
    ),
    Item(
        None,
        "blg-nl-1700",
        1,
        "Belga",
        "nl",
        "17:00",
        "Storm verwacht in kustprovincie",
        "OOSTENDE (Belga) - Het KMI verwacht woensdag windstoten tot 100 kilometer per uur aan de kust. De "
        "provincie West-Vlaanderen roept op om losliggende voorwerpen vast te maken.",
    ),
    Item(
        None,
        "rtr-en-1800",
        1,
        "Reuters",
        "en",
        "18:00",
        "European shares close higher, led by banks",
        "LONDON (Reuters) - European shares closed higher on Tuesday, led by banks after strong results from "
        "BNP Paribas. The STOXX 600 index gained 0.6 percent.",
    ),
    Item(
        None,
        "blg-fr-1830",
        1,
        "Belga",
        "fr",
        "18:30",
        "Ixelles: un nouveau parc inauguré sur l'ancien site de la caserne",
        "IXELLES (Belga) - La commune d'Ixelles a inauguré mardi un parc de deux hectares sur le site de l'ancienne "
        "caserne Fritz Toussaint. Le bourgmestre Christos Doulkeridis a salué un projet attendu depuis dix ans.",
    ),
    Item(
        None,
        "blg-nl-1900",
        1,
        "Belga",
        "nl",
        "19:00",
        "Jan Jambon stelt Vlaamse klimaatplannen voor",
        "BRUSSEL (Belga) - Vlaams minister-president Jan Jambon heeft dinsdag de klimaatplannen van de Vlaamse "
        "regering voorgesteld. Tegen 2030 moet de uitstoot van gebouwen met een derde dalen.",
    ),
    Item(
        None,
        "afp-fr-1920",
        1,
        "AFP",
        "fr",
        "19:20",
        "Ukraine: Kiev fait état de frappes russes sur Kharkiv",
        "KIEV (AFP) - Des frappes russes ont visé mardi soir la ville de Kharkiv, dans l'est de l'Ukraine, faisant "
        "au moins trois blessés, selon le gouverneur régional Oleg Synegoubov.",
    ),
    Item(
        None,
        "blg-en-2000",
        1,
        "Belga",
        "en",
        "20:00",
        "Antwerp port handles record container volumes",
        "ANTWERP (Belga) - The Port of Antwerp-Bruges handled a record number of containers in February, the port "
        "authority said. Chief executive Jacques Vandermeiren pointed to new shipping routes to Asia.",
    ),
    Item(
        None,
        "blg-fr-2045",
        1,
        "Belga",
        "fr",
        "20:45",
        "Georges-Louis Bouchez critique la taxe sur les plus-values",
        "BRUXELLES (Belga) - Le président du MR Georges-Louis Bouchez a critiqué mardi soir le projet de taxe sur "
        "les plus-values défendu par le PS. Il refuse toute nouvelle taxe avant les élections.",
    ),
    Item(
        None,
        "blg-nl-2200",
        1,
        "Belga",
        "nl",
        "22:00",
        "Union wint bij Standard en blijft leider",
        "LUIK (Belga) - Union Sint-Gillis heeft dinsdag met 0-2 gewonnen op het veld van Standard. De Brusselaars "
        "blijven zo alleen aan de leiding in de Jupiler Pro League.",
    ),
    Item(
        None,
        "rtr-en-2230",
        1,
        "Reuters",
        "en",
        "22:30",
        "Tesla recalls vehicles over seat belt warning",
        "WASHINGTON (Reuters) - Tesla is recalling about 120,000 vehicles in the United States because a seat belt "
        "warning may not sound, the National Highway Traffic Safety Administration said.",
    ),
    Item(
        None,
        "blg-fr-2320",
        1,
        "Belga",
        "fr",
        "23:20",
        "Un cycliste grièvement blessé à Namur",
        "NAMUR (Belga) - Un cycliste a été grièvement blessé mardi soir après avoir été percuté par une voiture "
        "sur la chaussée de Louvain à Namur. Le conducteur a pris la fuite.",
    ),
]


def envelopes() -> list[dict[str, Any]]:
    """Every dispatch of the day as a JSON envelope, in event-time order."""
    return [item.envelope() for item in sorted(ITEMS, key=lambda i: (i.time, i.id, i.version))]


def gold() -> dict[str, str]:
    """Dispatch id -> story label (an unrelated dispatch is a story of its own)."""
    return {item.id: item.story or item.id for item in ITEMS}
