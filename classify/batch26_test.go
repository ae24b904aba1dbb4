package classify

import (
	"testing"
)

// Batch 26: mail to the company as a business, personal data mentioned in
// passing, restriction instead of erasure, everyday erasure, relatives and
// debt counsellors, automated refusals in few words. These mails are not
// in the corpus: they were written after the tuning on batch 26,
// holdout10 and holdout11, in other words, to see whether the rules carry
// over (first round: see the comment in corpus_test.go).
func TestBatch26Probes(t *testing.T) {
	c := newTestClassifier(t)
	tests := []probe{
		// business framing: not a request
		{"Faster DSAR replies", "Hi! Our AI assistant drafts answers to data subject requests for your support team in seconds. Can I show you a 10-minute walkthrough? Reply 'no' and I won't follow up.\n\nBest, Dana", NotARequest, nil, false},
		{"Privacy roundup", "This month: how to handle erasure requests, new fines for ignored access requests, and a checklist for your DPO.\n\nView this email in your browser | Unsubscribe", NotARequest, nil, false},
		{"AVG-verzoeken", "Goedemiddag,\n\nWij helpen webwinkels met het afhandelen van AVG-verzoeken van hun klanten, zoals inzage en verwijdering. Zullen we een kennismaking inplannen?\n\nGroet, Tim", NotARequest, nil, false},
		{"Auskunftsanfragen automatisieren", "Guten Tag,\n\nSie suchen eine Lösung für Auskunftsanfragen und Löschanfragen Ihrer Kunden? Unsere Software erledigt das automatisch. Jetzt kostenlos testen!\n\nIhr Team von PrivacyBot", NotARequest, nil, false},
		{"Demandes RGPD", "Bonjour,\n\nVotre entreprise reçoit des demandes de suppression et d'accès ? Notre logiciel les traite pour vous. Essai gratuit de 30 jours, sans engagement.\n\nL'équipe DataNet", NotARequest, nil, false},
		{"Privacy Analyst opening", "Hello,\n\nWe have an opening for a Privacy Analyst who will process customer erasure and access requests for a large retailer. Competitive salary and hybrid working. Interested?\n\nSam, Talent Partner", NotARequest, nil, false},
		{"Ihr Konto", "Ihr Konto wird in 24 Stunden gelöscht. Klicken Sie hier, um Ihre Zugangsdaten zu bestätigen.", NotARequest, nil, false},
		{"Votre messagerie", "Votre boîte mail sera supprimée. Confirmez votre compte ici sous 24 heures.", NotARequest, nil, false},
		// ... and people who name their own rights beside such words
		{"copy", "I work in GDPR compliance myself, so I know my rights: please send me a copy of my personal data.", Request, []string{Access}, false},
		{"your ad", "I saw your webinar ad on Facebook, which means you have my data. Delete it please.", Request, []string{Erasure}, false},
		{"uitnodiging", "Ik kreeg een uitnodiging voor jullie webinar, maar ik heb me nooit aangemeld. Haal mijn gegevens uit jullie systeem.", Request, []string{Erasure}, false},
		{"Löschung", "Ich bin selbst Datenschutzberater. Bitte löschen Sie alle meine Daten.", Request, []string{Erasure}, false},
		// data mentioned in passing: no triage; a worry or a question still is
		{"Barista vacancy", "Attached is my resume for the barista vacancy. You may keep my personal data on file for future vacancies.", NotARequest, nil, false},
		{"Candidature vendeur", "Veuillez trouver ci-joint mon CV pour le poste de vendeur. J'accepte que mes données personnelles soient conservées dans le cadre du recrutement.", NotARequest, nil, false},
		{"Lekke band", "Mijn fiets is geleverd met een lekke band. Mijn persoonsgegevens vindt u bij de bestelling.", NotARequest, nil, false},
		{"courier", "Why does my order confirmation show my personal data to the courier?", Request, nil, false},
		{"Datenpanne", "Nach Ihrer Datenpanne mache ich mir Sorgen um meine Daten.", Request, nil, false},
		// restriction instead of erasure
		{"chargeback", "Hold off on deleting anything. Just lock my profile until the chargeback is decided.", Request, []string{Restriction}, false},
		{"complaint", "Don't remove my data, but please put the processing on hold until my complaint is handled.", Request, []string{Restriction}, false},
		{"account", "Niet verwijderen graag, maar zet mijn account voorlopig op pauze.", Request, []string{Restriction}, false},
		{"Konto", "Bitte frieren Sie mein Konto ein, bis der Streit geklärt ist; nichts löschen.", Request, []string{Restriction}, false},
		{"compte", "Merci de bloquer mon compte le temps de l'enquête, sans rien effacer.", Request, []string{Restriction}, false},
		{"phone", "My phone number is wrong in your files. Fix it, and stop using it until then.", Request, []string{Rectification, Restriction}, false},
		{"erase", "Remove everything you have on me. If you can't remove something by law, just restrict it.", Request, []string{Erasure}, false},
		{"Löschung", "Löschen Sie alle meine Daten. Falls Sie einzelne Daten nicht löschen dürfen, schränken Sie deren Verarbeitung ein.", Request, []string{Erasure}, false},
		// everyday erasure, relatives, counsellors, automated refusals
		{"", "Please wipe me from your system.", Request, []string{Erasure}, false},
		{"", "Could you take my name off your database?", Request, []string{Erasure}, false},
		{"texts", "My grandad keeps getting your marketing texts. He wants them to stop.", Request, []string{ObjectDirectMarketing}, true},
		{"telefoontjes", "Mijn moeder krijgt steeds telefoontjes van jullie over loterijen. Wilt u daarmee stoppen?", Request, []string{ObjectDirectMarketing}, true},
		{"Mme Petit", "En tant que conseillère en surendettement de Mme Petit, je vous demande de corriger sa dette, déjà remboursée, et de suspendre tout recouvrement d'ici là.", Request, []string{Rectification, Restriction}, true},
		{"inscription", "Mon inscription a été refusée automatiquement, je voudrais qu'un humain revoie ma demande.", Request, []string{AutomatedDecision}, false},
		{"loan", "An algorithm turned down my loan; I want a person to look at it.", Request, []string{AutomatedDecision}, false},
		// the data kept after a refused erasure is no access request
		{"account", "Delete my account. Should you decline, list what personal data you keep and why.", Request, []string{Erasure}, false},
		{"Konto", "Löschen Sie mein Konto. Falls Sie das ablehnen, teilen Sie mir mit, welche Daten Sie weiter speichern.", Request, []string{Erasure}, false},
		// second round, after the first one's fixes: the rules' other side
		{"demo calls", "Your sales rep called me three times this week about a 30 minute demo. Stop calling me.", Request, []string{ObjectDirectMarketing}, false},
		{"offerte", "Ik ontving een offerte van jullie voor zonnepanelen, maar ik heb nooit iets aangevraagd. Waar hebben jullie mijn gegevens vandaan?", Request, []string{Access}, false},
		{"Angebot", "Sie haben mir ein unverbindliches Angebot per Post geschickt. Woher haben Sie meine Adresse? Bitte löschen Sie sie.", Request, []string{Access, Erasure}, false},
		{"customer", "I'm a small business owner and one of your customers. Please send me a copy of the data you hold on me.", Request, []string{Access}, false},
		{"bestelling", "Mijn bestelling is nooit aangekomen en nu zie ik mijn persoonsgegevens op een vreemde website staan.", Request, nil, false},
		{"colis", "Mon colis est arrivé ouvert et mes données personnelles étaient visibles sur l'étiquette.", Request, nil, false},
		{"profiling", "I object to the profiling of my purchases, and until you decide on my objection please restrict the processing.", Request, []string{Objection, Restriction}, false},
		{"address", "Please correct my address and delete the old entry for my previous flat.", Request, []string{Rectification}, false},
		{"Bewerbung", "Anbei mein Lebenslauf für die Stelle als Verkäufer. Meine Daten dürfen Sie für das Bewerbungsverfahren speichern.", NotARequest, nil, false},
		// third round, after the second: people near business words, and
		// two more pitches
		{"CV", "As a recruiter myself I know you keep CVs on file for years. Please delete my CV and all my data.", Request, []string{Erasure}, false},
		{"calls", "Your salesperson offered me a free trial and a 15 minute demo call. I never agreed to be contacted. Take my number off your call list.", Request, []string{ObjectDirectMarketing}, false},
		{"phishing", "I received an email asking me to verify your account and confirm my password. It looked like it came from you. What data do you hold about me?", Request, []string{Access}, false},
		{"kopie", "Ik werk zelf bij een webshop en weet hoe inzageverzoeken werken. Stuur mij een kopie van mijn gegevens.", Request, []string{Access}, false},
		{"Auskunft", "Ich bin Personalberater und Ihr Kunde. Ihre Kunden haben ein Recht auf Auskunft, ich auch: Welche Daten haben Sie über mich gespeichert?", Request, []string{Access}, false},
		{"effacement", "Je suis moi-même consultant RGPD. Je demande l'effacement de mes données personnelles.", Request, []string{Erasure}, false},
		{"marketing", "We are a small bakery and a customer of yours. Please stop sending our staff marketing emails.", Request, []string{ObjectDirectMarketing}, false},
		{"Action needed", "Dear customer, your mailbox is almost full. Click here to verify your mailbox or all your messages and personal data will be deleted within 24 hours.", NotARequest, nil, false},
		// fourth round: restriction beside erasure in other words
		{"complaint", "I don't want my data deleted. Please restrict the processing while my complaint runs.", Request, []string{Restriction}, false},
		{"décision", "Ne supprimez rien. Limitez le traitement de mes données jusqu'à la décision.", Request, []string{Restriction}, false},
		{"rechter", "Niet verwijderen! Wel graag de verwerking beperken tot de rechter heeft beslist.", Request, []string{Restriction}, false},
		{"legal reasons", "If you cannot delete my data for legal reasons, I ask you to block it. Otherwise delete everything.", Request, []string{Erasure}, false},
		{"credit record", "I contest the accuracy of my credit record, the debt is not mine. Correct it and freeze it until you have checked.", Request, []string{Rectification, Restriction}, false},
		// contesting accuracy alone asks for restriction (art. 18(1)(a)), a
		// correction asked beside it is also rectification
		{"accuracy", "I contest the accuracy of my address. Please restrict the processing until you have verified it.", Request, []string{Restriction}, false},
		{"Adresse", "Die Adresse in meinem Kundenkonto ist falsch. Bitte korrigieren Sie sie und nutzen Sie meine Daten bis dahin nicht.", Request, []string{Rectification, Restriction}, false},
		{"Spring tips", "Five tips to handle deletion requests from your customers, and our new pricing for small teams. Read more on our blog.", NotARequest, nil, false},
	}
	runProbes(t, c, tests, true)
}
