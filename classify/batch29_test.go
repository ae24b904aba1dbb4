package classify

import (
	"testing"
)

// Batch 29: everyday wording after holdout14 — what a pharmacy, doctor or
// dentist has recorded asked to see, a name or address written wrong, an
// objection to tracking or scoring, "do not delete but do not use", a
// game's progress taken along, phishing that threatens deletion. These
// mails are not in the corpus: they were written after the tuning on batch
// 29, in other words, to see whether the rules carry over (see the comment
// in corpus_test.go for how many were wrong before their fixes).
func TestBatch29Probes(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		subject, body string
		kind          Kind
		rights        []string
	}{
		// what a pharmacy, doctor or dentist has recorded
		{"vraag", "Mag ik weten wat er bij de tandarts over mij geregistreerd staat?", Request, []string{Access}},
		{"meds", "What do you have on file for me? I'd like to see which prescriptions you've recorded.", Request, []string{Access}},
		{"Akte", "Können Sie mir eine Kopie meiner Krankenakte schicken?", Request, []string{Access}},
		{"dossier", "Je voudrais consulter mon dossier médical, s'il vous plaît.", Request, []string{Access}},
		// a name or address written wrong
		{"naam", "Mijn achternaam is verkeerd geschreven in jullie systeem, kunnen jullie dat aanpassen?", Request, []string{Rectification}},
		{"letters", "You've got my first name down as Jon, it's John. Could you put that right?", Request, []string{Rectification}},
		{"Adresse", "Bei Ihnen ist immer noch die falsche Adresse gespeichert, bitte korrigieren.", Request, []string{Rectification}},
		{"nom", "Mon prénom est mal orthographié dans votre fichier client, merci de le corriger.", Request, []string{Rectification}},
		// objection to tracking or scoring
		{"driving", "Stop scoring how I drive with that box, I never wanted it.", Request, []string{Objection}},
		{"Bewertung", "Ich widerspreche der Bewertung meines Fahrverhaltens durch Ihre App.", Request, []string{Objection}},
		{"suivi", "Je refuse le pistage de mes trajets par votre application.", Request, []string{Objection}},
		// do not delete, but do not use
		{"dossier", "Verwijder mijn dossier niet, maar gebruik het zolang de klacht loopt niet.", Request, []string{Restriction}},
		{"Daten", "Bitte löschen Sie nichts, aber nutzen Sie meine Daten bis zur Klärung nicht.", Request, []string{Restriction}},
		// take progress along
		{"progress", "I'm switching phones and platforms, can I take my progress along? Send it as a file I can import there.", Request, []string{Portability}},
		{"sauvegarde", "Je veux un fichier de ma sauvegarde pour la réutiliser ailleurs.", Request, []string{Portability}},
		// the other side
		{"recept", "Welke medicijnen moet ik nemen na de operatie?", NotARequest, nil},
		{"website", "The opening hours on your website are wrong, you're open on Sundays now.", NotARequest, nil},
		{"Paket", "Die Sendungsverfolgung zeigt seit Tagen nichts an, wo ist mein Paket?", NotARequest, nil},
		{"jeu", "J'ai perdu ma sauvegarde après la mise à jour, pouvez-vous la restaurer ?", NotARequest, nil},
		{"account", "Your mailbox will be closed within 24 hours unless you confirm your login here.", NotARequest, nil},
		{"account", "Uw account wordt binnen 48 uur opgeschort. Klik hier om uw gegevens te bevestigen.", NotARequest, nil},
		{"Konto", "Ihr Konto wird gesperrt, wenn Sie Ihre Daten nicht innerhalb von 24 Stunden bestätigen.", NotARequest, nil},
		{"compte", "Votre compte sera supprimé sans vérification de vos données sous 48 heures. Cliquez ici.", NotARequest, nil},
	}
	probes := make([]probe, len(tests))
	for i, tt := range tests {
		probes[i] = probe{subject: tt.subject, body: tt.body, kind: tt.kind, rights: tt.rights}
	}
	runProbes(t, c, probes, false)
}
