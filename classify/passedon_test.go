package classify

import (
	"strings"
	"testing"

	"privacyd/message"
)

// TestPassedOnAutomaticMail: a person who forwards an automatic mail with
// words of their own wrote a person's mail (the bank's "ce message est
// envoyé automatiquement" below their note does not make it automatic); a
// forward with nothing of the sender's own is read whole, so an automatic
// mail passed on by a rule stays automatic.
func TestPassedOnAutomaticMail(t *testing.T) {
	c := newTestClassifier(t)
	forwarded := "---------- Message transféré ---------\r\nDe : Banque <ne-pas-repondre@bank.example>\r\n" +
		"Objet : Votre demande de prêt\r\n\r\nMadame,\r\n\r\nNous avons bien reçu votre demande de prêt. " +
		"Nous sommes au regret de ne pouvoir y donner une suite favorable.\r\n\r\n" +
		"Ce message est envoyé automatiquement, merci de ne pas y répondre.\r\n"
	mail := func(own string) *message.Message {
		raw := "From: Nadia <nadia@example.fr>\r\nTo: privacy@bank.example\r\nSubject: TR: Votre demande de prêt\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n\r\n" + own + forwarded
		return message.Parse([]byte(raw), message.Options{})
	}
	person := c.Classify(mail("Bonjour,\r\n\r\nla réponse est tombée en une minute. C'est un ordinateur qui a décidé ? " +
		"Je veux qu'un vrai conseiller regarde mon dossier.\r\n\r\nNadia\r\n\r\n"))
	if person.Kind != Request || !strings.Contains(strings.Join(person.Rights, ","), "automated_decision") {
		t.Errorf("a person's note above a forwarded automatic mail: %s %v (%s), want a request for automated_decision",
			person.Kind, person.Rights, person.KindReason)
	}
	if r := c.Classify(mail("")); r.Kind == Request {
		t.Errorf("a forward with no words of the sender's own: %s (%s), want an automatic mail read whole", r.Kind, r.KindReason)
	}
}
