package classify

import "testing"

// TestBatch33 logs batch 33's figures (train33a/b-everyday.txt) per
// file, together and per half, and checks the safety property on each.
func TestBatch33(t *testing.T) {
	logBatch(t, "t33", []string{"t33a", "t33b", "t33", "tuning", "held-out"})
}

// TestBatch33Probes are mails in other words than batch 33's, written
// after the first tuning of its tuning half, for its classes and both
// sides of them: a decision told as automatic beside a person asked to
// look again or the writer's side to be heard, a use of one's data told
// and not wanted, an agreement once given and taken back, access in
// plain words, and look-alikes (a refused job without a machine, a
// parcel, a discount, a newsletter that stopped coming). 3 of 23 were
// wrong before their fixes ("turned down my loan request in seconds ...
// a member of your team to go over it", "I don't want my orders used to
// build a profile", "I agreed you could use my photo ... I don't want
// that any more"); a fourth, a French order "annulée automatiquement"
// with "Quelqu'un peut-il regarder", was meant as a look-alike but is
// batch 28's class (an order refused by a system, a person asked to look
// again) and was replaced by a parcel; "I'm fine with you having my
// address" was reworded ("fine" is a penalty word, boilerplate).
func TestBatch33Probes(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"lening", "Mijn aanvraag voor een lening werd binnen een minuut afgewezen door jullie website. Ik wil dat een echte medewerker er opnieuw naar kijkt.", Request, []string{AutomatedDecision}, false},
		{"premie", "Mijn premie is automatisch verhoogd na een nieuwe berekening. Graag wil ik dat iemand van jullie dit controleert en dat ik mijn situatie kan uitleggen.", Request, []string{AutomatedDecision}, false},
		{"loan", "Your app turned down my loan request in seconds. I'd like a member of your team to go over it and let me explain my circumstances.", Request, []string{AutomatedDecision}, false},
		{"account blocked", "My account got blocked automatically after a login from abroad. Can a real person check it please?", Request, []string{AutomatedDecision}, false},
		{"Kredit", "Mein Kreditantrag wurde automatisch abgelehnt. Ich möchte, dass ein Mitarbeiter sich das noch einmal ansieht und ich meine Sicht darlegen kann.", Request, []string{AutomatedDecision}, false},
		{"crédit", "Ma demande de crédit a été refusée automatiquement en deux minutes. Je souhaite qu'un conseiller étudie mon dossier lui-même.", Request, []string{AutomatedDecision}, false},
		// objection
		{"analyse", "Ik wil niet dat mijn kijkgedrag gebruikt wordt voor jullie analyses. Laat mij daar buiten.", Request, []string{Objection}, false},
		{"analytics", "I'm happy for you to keep my address for deliveries, but I don't want my orders used to build a profile for your analytics team.", Request, []string{Objection}, false},
		{"Auswertung", "Ich will nicht, dass meine Fahrdaten für Ihre Statistiken ausgewertet werden. Lassen Sie mich da raus.", Request, []string{Objection}, false},
		{"études", "Je ne souhaite pas que mes achats soient utilisés pour vos études de marché. Merci de m'en exclure.", Request, []string{Objection}, false},
		// withdrawal
		{"toestemming", "Ik had destijds aangevinkt dat jullie mijn gegevens met partners mochten delen. Dat wil ik terugdraaien.", Request, []string{WithdrawConsent}, false},
		{"photos", "Last year I agreed you could use my photo in your brochure. I don't want that any more, please stop using it.", Request, []string{WithdrawConsent}, false},
		{"Einwilligung", "Ich hatte der Nutzung meiner Standortdaten zugestimmt. Das möchte ich widerrufen.", Request, []string{WithdrawConsent}, false},
		{"accord", "J'avais accepté que vous utilisiez ma photo sur votre site. Je reviens sur cet accord.", Request, []string{WithdrawConsent}, false},
		// access
		{"dossier", "Kunnen jullie me laten zien wat er allemaal over mij in jullie systeem staat?", Request, []string{Access}, false},
		{"data", "What do you actually have on me? Send me all of it please.", Request, []string{Access}, false},
		{"Daten", "Was haben Sie alles über mich gespeichert? Schicken Sie mir das bitte.", Request, []string{Access}, false},
		{"données", "Qu'est-ce que vous avez enregistré sur moi ? Envoyez-moi tout ça.", Request, []string{Access}, false},
		// look-alikes
		{"sollicitatie", "Jammer dat ik ben afgewezen voor de functie. Kan iemand mij uitleggen waarom?", NotARequest, nil, false},
		{"parcel", "The tracking system says my parcel was delivered automatically to a neighbour. Can someone check where it is?", NotARequest, nil, false},
		{"Rabatt", "Der Rabatt wurde an der Kasse automatisch abgezogen, aber zu wenig. Kann ein Mitarbeiter das prüfen?", NotARequest, nil, false},
		{"colis", "Le suivi dit que mon colis a été livré automatiquement en point relais. Quelqu'un peut-il vérifier où il est ?", NotARequest, nil, false},
		{"newsletter", "I signed up for your newsletter last week and I no longer get it. Can you check?", NotARequest, nil, false},
	}, false)
}

// TestBatch33ProbesSecondRound are 24 more probes in other words,
// written after the first round's fixes: 13 of 24 were wrong before
// their fixes (8 of 12 objections, 4 of 6 withdrawals, 1 of 4 access
// requests) — the everyday wording of an objection did not carry over
// phrase by phrase, so a use told and not wanted is a rule now
// (useNotWanted, TestUseNotWanted).
func TestBatch33ProbesSecondRound(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		// objection: a use of my data told + not wanted
		{"app", "Ik zag dat jullie app bijhoudt hoe laat ik slaap en dat doorgeeft aan adverteerders. Daar heb ik geen zin in, hou daar mee op.", Request, []string{Objection}, false},
		{"klantkaart", "Ik wil niet dat jullie met mijn pasje bijhouden wat ik koop. Zet dat maar uit.", Request, []string{Objection}, false},
		{"camera", "Jullie nieuwe camera's bij de ingang herkennen gezichten. Ik wil niet dat mijn gezicht daarvoor gebruikt wordt.", Request, []string{Objection}, false},
		{"research", "You're using my health questionnaire answers for research now? I never signed up for that and I don't want to be part of it.", Request, []string{Objection}, false},
		{"tracking", "Please stop tracking where I drive with the insurance box. I'm not okay with that.", Request, []string{Objection}, false},
		{"listening", "I found out my calls with your staff are used to train your chatbot. Count me out of that please.", Request, []string{Objection}, false},
		{"Werbeprofil", "Sie erstellen aus meinen Einkäufen ein Profil. Das will ich nicht, hören Sie bitte damit auf.", Request, []string{Objection}, false},
		{"Standort", "Ich möchte nicht, dass Ihre App ständig meinen Standort aufzeichnet.", Request, []string{Objection}, false},
		{"Fotos", "Meine Fotos sollen nicht für Ihre Gesichtserkennung verwendet werden.", Request, []string{Objection}, false},
		{"profil", "Vous faites un profil de mes habitudes de lecture. Ça ne me plaît pas, arrêtez s'il vous plaît.", Request, []string{Objection}, false},
		{"partage", "Je ne veux pas que mon numéro soit donné à vos partenaires.", Request, []string{Objection}, false},
		{"caméras", "Je refuse que mes déplacements dans le magasin soient suivis par vos caméras.", Request, []string{Objection}, false},
		// withdrawal: agreement once given + taken back
		{"nieuwsbrief", "Ik heb me vorig jaar aangemeld voor jullie onderzoekspanel. Ik wil daar nu mee stoppen en dat jullie mijn antwoorden niet meer gebruiken.", Request, []string{WithdrawConsent}, false},
		{"locatie", "Ik heb jullie app ooit toestemming gegeven voor mijn locatie. Die trek ik hierbij in.", Request, []string{WithdrawConsent}, false},
		{"marketing", "I opted in to partner offers when I joined. I'd like to opt out of that now.", Request, []string{ObjectDirectMarketing, WithdrawConsent}, false},
		{"fingerprint", "I gave permission for my fingerprint to be used at the gym entrance. I'm withdrawing that, please use my card instead.", Request, []string{WithdrawConsent}, false},
		{"Newsletter", "Ich hatte damals zugestimmt, dass Sie meine Daten für Umfragen nutzen. Das gilt ab sofort nicht mehr.", Request, []string{WithdrawConsent}, false},
		{"photo", "J'avais donné mon accord pour la photo dans le journal du club. Je ne suis plus d'accord, merci de ne plus l'utiliser.", Request, []string{WithdrawConsent}, false},
		// access in plain words
		{"gegevens", "Wat hebben jullie eigenlijk allemaal van mij opgeslagen? Ik wil het graag zien.", Request, []string{Access}, false},
		{"file", "Could you send me whatever you've got on file about me?", Request, []string{Access}, false},
		{"Akte", "Ich hätte gern einmal alles gesehen, was Sie über mich aufgeschrieben haben.", Request, []string{Access}, false},
		{"dossier", "Est-ce que je peux avoir une copie de tout ce que vous avez sur moi ?", Request, []string{Access}, false},
		// look-alikes
		{"points", "I signed up for your loyalty scheme but the points never showed up. Can you look into it?", NotARequest, nil, false},
		{"Termin", "Ich möchte nicht, dass der Termin verschoben wird. Bitte lassen Sie ihn am Montag.", NotARequest, nil, false},
	}, false)
}

// TestUseNotWanted checks the rule that a use of the writer's data told
// and not wanted, in one sentence or the next, is an objection, and its
// limits: not two sentences apart, not about a parcel or an order, not
// a use told alone or a refusal alone, and beside consent once given it
// is that consent taken back.
func TestUseNotWanted(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"app", "Jullie app houdt bij hoe laat ik slaap. Daar heb ik geen zin in.", Request, []string{Objection}, false},
		{"app", "Your app tracks where I go on my runs and I'm not okay with that.", Request, []string{Objection}, false},
		{"Profil", "Sie erstellen ein Profil aus meinen Einkäufen. Das will ich nicht.", Request, []string{Objection}, false},
		{"trajets", "Vous faites un profil de mes trajets. Ça ne me plaît pas.", Request, []string{Objection}, false},
		// a use told alone, a refusal alone, two sentences apart
		{"app", "Jullie app houdt bij hoe laat ik slaap. Dat vind ik handig.", NotARequest, nil, false},
		{"app", "I'm not okay with the new colours of your app.", NotARequest, nil, false},
		{"app", "Your app tracks where I go on my runs. The map is great. I'm not okay with the price though.", NotARequest, nil, false},
		// a parcel or an order
		{"parcel", "The tracking shows my parcel at the depot, I don't want it left at the door.", NotARequest, nil, false},
		// consent once given: taken back
		{"app", "Ik had jullie toestemming gegeven. Jullie app houdt bij hoe laat ik slaap, dat wil ik niet meer.", Request, []string{WithdrawConsent}, false},
	}, false)
}

// TestBatch33ProbesThirdRound are 20 probes in other words written after
// both halves of batch 33 were tuned on: consent taken back, access in
// plain words and look-alikes (an order, an invoice, an appointment
// agreed and cancelled). 5 of 20 were wrong before their fixes, all of
// them consent taken back ("heb ik goedgevonden ... Dat wil ik nu toch
// liever niet meer", "Dat trek ik terug", "Diese Erlaubnis ziehe ich
// zurück", "I'd like to pull out now", "I let your app use my location
// ... treat that as cancelled"); the access probes and the look-alikes
// were right.
func TestBatch33ProbesThirdRound(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		// withdrawal: an agreement once given + taken back
		{"foto", "Op de open dag heb ik goedgevonden dat jullie een foto van mij op de site zetten. Dat wil ik nu toch liever niet meer.", Request, []string{WithdrawConsent}, false},
		{"app", "Bij het installeren heb ik jullie app toegestaan mijn contacten te lezen. Dat trek ik terug.", Request, []string{WithdrawConsent}, false},
		{"Umfrage", "Ich habe damals eingewilligt, dass Sie mich für Umfragen anrufen dürfen. Diese Erlaubnis ziehe ich zurück.", Request, []string{WithdrawConsent}, false},
		{"Fotos", "Ich war einverstanden, dass mein Foto in Ihrer Broschüre erscheint. Inzwischen bin ich es nicht mehr.", Request, []string{WithdrawConsent}, false},
		{"study", "I joined your sleep study last spring and said you could keep my recordings. I'd like to pull out now.", Request, []string{WithdrawConsent}, false},
		{"location", "A while ago I let your app use my location. Please treat that as cancelled from today.", Request, []string{WithdrawConsent}, false},
		{"témoignage", "J'avais autorisé la publication de mon témoignage sur votre site. Je retire cette autorisation.", Request, []string{WithdrawConsent}, false},
		{"appli", "J'ai dit oui pour que l'appli utilise ma position. Finalement non, je ne suis plus d'accord.", Request, []string{WithdrawConsent}, false},
		// access in plain words
		{"klantgegevens", "Ik ben benieuwd wat jullie allemaal over mij weten. Kunnen jullie dat op een rijtje zetten?", Request, []string{Access}, false},
		{"camera", "Hebben jullie nog camerabeelden van mij van vorige week? Die wil ik graag zien.", Request, []string{Access}, false},
		{"info", "Can you tell me what personal info you keep on me and who else gets it?", Request, []string{Access}, false},
		{"calls", "I'd like to hear the recording of my call with your agent on Monday.", Request, []string{Access}, false},
		{"Daten", "Mich würde interessieren, welche Angaben über mich bei Ihnen liegen.", Request, []string{Access}, false},
		{"Akte", "Darf ich meine Kundenakte einmal einsehen?", Request, []string{Access}, false},
		{"dossier", "J'aimerais savoir ce que vous conservez comme informations à mon sujet.", Request, []string{Access}, false},
		{"enregistrement", "Pouvez-vous m'envoyer l'enregistrement de mon appel du 3 mars ?", Request, []string{Access}, false},
		// look-alikes
		{"bestelling", "Ik ben benieuwd wanneer mijn bestelling komt. Kunnen jullie dat nakijken?", NotARequest, nil, false},
		{"invoice", "Can you tell me what the extra charge on my invoice is for?", NotARequest, nil, false},
		{"Termin", "Ich war einverstanden mit dem Termin am Montag, jetzt passt er mir nicht mehr. Geht Dienstag?", NotARequest, nil, false},
		{"rendez-vous", "J'avais dit oui pour le rendez-vous de jeudi mais finalement non, je ne peux pas.", NotARequest, nil, false},
	}, false)
}

// TestBatch33LastFixes checks the last two classes taken from batch 33
// in other words: sharing across a group stopped ("arrêtez ces
// transferts", "mes données circulent") and an app or website that
// rejected something beside a person asked to look again; and the other
// side (a discount code rejected, nobody asked to look).
func TestBatch33LastFixes(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"filiales", "Arrêtez ces transferts de mon dossier vers vos filiales, s'il vous plaît.", Request, []string{Objection}, false},
		{"groupe", "Je ne veux pas que mes données circulent entre vos marques.", Request, []string{Objection}, false},
		{"ID", "The website declined my passport scan twice. Could a member of staff review it instead?", Request, []string{AutomatedDecision}, false},
		{"code", "The website rejected my discount code. Is it still valid?", NotARequest, nil, false},
	}, false)
}
