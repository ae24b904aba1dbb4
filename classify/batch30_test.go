package classify

import (
	"testing"
)

// Batch 30: everyday wording after holdout17 — a computer that decided and
// a person asked to look again, consent once given taken back without the
// word, analysing or sorting what one buys, reads or spends, a relative or
// a bewindvoerder writing, a wrong title or name, moving one's data to
// another app, keep it until a dispute ends; on the other side orders,
// parcels, CVs, phishing and pitches. These mails are not in the corpus:
// they were written after the tuning on batch 30 and holdout17, in other
// words, to see whether the rules carry over (see the comment in
// corpus_test.go for how many were wrong before their fixes).
func TestBatch30Probes(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		// a machine decided, a person is asked to look again
		{"aanvraag", "Mijn aanvraag voor een creditcard werd binnen een paar tellen afgewezen. Volgens mij heeft de computer dat beslist. Ik wil graag dat een medewerker er zelf naar kijkt.", Request, []string{AutomatedDecision}, false},
		{"mortgage", "The online mortgage checker turned me down straight away. I don't think any human saw it. Can someone from your lending team review my application by hand?", Request, []string{AutomatedDecision}, false},
		{"Bewerbung", "Meine Bewerbung wurde nach zwei Minuten abgelehnt, das hat bestimmt ein Programm entschieden. Ich möchte, dass ein Mensch sie sich ansieht.", Request, []string{AutomatedDecision}, false},
		{"prêt", "Mon prêt a été refusé en quelques secondes par votre site. Aucun conseiller n'a regardé ma situation. Je veux qu'un humain réexamine ma demande.", Request, []string{AutomatedDecision}, false},
		// consent once given taken back, in other words
		{"foto", "Ik vond het destijds goed dat jullie mijn foto in de brochure zetten, maar nu wil ik dat niet meer. Gebruik hem alsjeblieft niet meer.", Request, []string{WithdrawConsent}, false},
		{"my photo", "I said you could use a photo of me in your newsletter last year. I no longer want that, please don't use it again.", Request, []string{WithdrawConsent}, false},
		{"Interview", "Ich hatte zugestimmt, dass Sie mein Interview auf Ihrer Website zeigen. Das möchte ich nicht mehr, bitte nicht mehr verwenden.", Request, []string{WithdrawConsent}, false},
		{"photo", "J'avais accepté que ma photo soit sur votre page Facebook. Je ne le souhaite plus, merci de ne plus l'utiliser.", Request, []string{WithdrawConsent}, false},
		// analysing what one does
		{"app", "Ik wil niet dat jullie bijhouden hoe vaak ik jullie app open en wat ik bekijk.", Request, []string{Objection}, false},
		{"card", "Please stop analysing what I buy with my card to put me in marketing groups.", Request, []string{Objection}, false},
		{"Daten", "Ich will nicht, dass Sie auswerten, welche Artikel ich mir anschaue.", Request, []string{Objection}, false},
		{"achats", "Je ne veux pas que vous analysiez mes achats pour me classer.", Request, []string{Objection}, false},
		// a relative or a bewindvoerder writing
		{"mijn vader", "Ik regel de zaken van mijn vader sinds hij in het verpleeghuis zit. Wilt u zijn account opheffen en zijn gegevens wissen?", Request, []string{Erasure}, true},
		{"my mum", "I have power of attorney for my mum. Please tell me what information you hold about her.", Request, []string{Access}, true},
		// a wrong title or name
		{"aanhef", "Jullie schrijven mij steeds aan met 'Geachte mevrouw', maar ik ben een man. Kunnen jullie dat in jullie systeem goedzetten?", Request, []string{Rectification}, false},
		{"title", "Your letters keep calling me Mr, I'm Mrs. Please get that right on my account.", Request, []string{Rectification}, false},
		// moving one's data to another app
		{"overstappen", "Ik ga over naar een andere app voor mijn hardlooptrainingen. Kunnen jullie al mijn trainingen in een bestand zetten dat ik daar kan importeren?", Request, []string{Portability}, false},
		{"switching", "I'm switching to another fitness tracker. Can you export all my workouts into a file I can upload there?", Request, []string{Portability}, false},
		// keep it until a dispute ends
		{"geschil", "Gooi de opnames van mijn gesprek met de klantenservice niet weg tot mijn klacht bij de geschillencommissie is afgehandeld, en doe er verder niets mee.", Request, []string{Restriction}, false},
		{"claim", "Please keep the photos of my damaged car until my claim has been settled, and don't use them for anything else.", Request, []string{Restriction}, false},
		// the other side: orders, parcels, CVs, phishing, pitches
		{"bestelling", "Kan iemand naar mijn bestelling kijken? Het systeem zegt dat hij geleverd is maar ik heb niets gekregen.", NotARequest, nil, false},
		{"order", "Your system cancelled my order and nobody has called me back. Can someone check where my refund is?", NotARequest, nil, false},
		{"Bewerbung", "Sehr geehrte Damen und Herren, anbei meine Bewerbung als Datenschutzberater mit Lebenslauf. Erfahrung: Bearbeitung von Auskunftsanfragen und Widersprüchen.", NotARequest, nil, false},
		{"compte", "Votre compte sera supprimé sous 24 heures. Confirmez vos informations en cliquant ici.", NotARequest, nil, false},
		{"photos", "Can you send me the photos from the wedding package I ordered? I agreed to the price on the phone.", NotARequest, nil, false},
	}, true)
}
