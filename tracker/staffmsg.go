package tracker

// staffText returns the staff-language version of an English message
// format used in command answers (the formats are the keys; verbs and
// arguments stay in the same order). Staff mails are rendered in
// organisation.default_language, so the lines privacyd adds to them are too.
func (t *Tracker) staffText(format string) string {
	if t.opt.StaffLanguage == "nl" {
		if s, ok := staffNL[format]; ok {
			return s
		}
	}
	return format
}

var staffNL = map[string]string{
	"sender is not in staff.addresses": "de afzender staat niet in staff.addresses",
	"the mail does not answer a mail privacyd sent to staff (no valid token in References/In-Reply-To)": "de mail is geen antwoord op een mail die privacyd aan het team stuurde (geen geldig kenmerk in References/In-Reply-To)",
	"no DKIM pass from %s in Authentication-Results":                                                    "geen DKIM-pass van %s in Authentication-Results",
	"the customer's mail server returned our mail as undeliverable":                                     "de mailserver van de klant stuurde onze mail terug als onbestelbaar",
	"unknown command; send #help for the list":                                                          "onbekend commando; stuur #help voor de lijst",
	"this mail is not about a case; #open turns a mail shown to you into a case":                        "deze mail gaat niet over een zaak; #open maakt van een doorgestuurde mail een zaak",
	"the case is closed (%s)":        "de zaak is gesloten (%s)",
	"needs a text: #note <text>":     "tekst ontbreekt: #note <tekst>",
	"note added":                     "notitie toegevoegd",
	"identity was already confirmed": "de identiteit was al bevestigd",
	"the clock runs from %s (deadlines.clock_starts: identity_verified): due %s":                                                                                         "de termijn loopt vanaf %s (deadlines.clock_starts: identity_verified): uiterlijk %s",
	"identity confirmed; status %s":                                                                                                                                      "identiteit bevestigd; status %s",
	"needs a reason, which the customer will receive: #extend <reason> (art. 12(3))":                                                                                     "reden ontbreekt; de klant krijgt die te lezen: #extend <reden> (art. 12 lid 3)",
	"the case was already extended once; the law allows one extension of at most two months":                                                                             "de zaak is al eens verlengd; de wet staat één verlenging van hoogstens twee maanden toe",
	"the one-month due date %s has passed; an extension must be told to the customer on or before it (art. 12(3))":                                                       "de termijn van een maand (%s) is verstreken; een verlenging moet de klant uiterlijk op die dag horen (art. 12 lid 3)",
	"extended to %s; the customer was told the reason":                                                                                                                   "verlengd tot %s; de klant kreeg de reden",
	"completed; the customer received the closing mail":                                                                                                                  "afgerond; de klant kreeg de afsluitende mail",
	"needs the reason, which the customer will receive: #refuse <reason> (art. 12(4))":                                                                                   "reden ontbreekt; de klant krijgt die te lezen: #refuse <reden> (art. 12 lid 4)",
	"an objection to direct marketing must always be honoured (art. 21(3) GDPR); it cannot be refused. Correct the rights with #rights if this is not such an objection": "bezwaar tegen direct marketing moet altijd worden gehonoreerd (art. 21(3) AVG); weigeren kan niet. Is het geen bezwaar tegen direct marketing, corrigeer dan de rechten met #rights",
	"refused; the customer received the reasons, the right to complain to %s and to go to court%s":                                                                       "geweigerd; de klant kreeg de redenen en hoorde dat hij kan klagen bij %s en naar de rechter kan%s",
	"needs an amount and a reason: #fee <amount> <reason> (art. 12(5): only for manifestly unfounded or excessive requests)":                                             "bedrag en reden ontbreken: #fee <bedrag> <reden> (art. 12 lid 5: alleen bij kennelijk ongegronde of buitensporige verzoeken)",
	"an objection to direct marketing is always free (art. 21(3) GDPR)":                                                                                                  "bezwaar tegen direct marketing is altijd kosteloos (art. 21(3) AVG)",
	"fee of %s asked; the customer may withdraw instead":                                                                                                                 "vergoeding van %s gevraagd; de klant mag het verzoek ook intrekken",
	"needs the text for the customer: #reply <text>":                                                                                                                     "tekst voor de klant ontbreekt: #reply <tekst>",
	"your text was sent to the customer":                                                                                                                                 "uw tekst is naar de klant gestuurd",
	"unknown right %q; known: %s":                                                                                                                                        "onbekend recht %q; bekend zijn: %s",
	"needs at least one right: #rights access,erasure":                                                                                                                   "minstens één recht nodig: #rights access,erasure",
	"rights set to %s": "rechten gezet op %s",
	"closed as withdrawn; the customer received a confirmation":      "gesloten als ingetrokken; de klant kreeg een bevestiging",
	"closed as not a request; the customer gets no mail":             "gesloten als geen verzoek; de klant krijgt geen mail",
	"#open works in a reply to a mail shown to you as not a request": "#open werkt alleen in een antwoord op een mail die u als 'geen verzoek' kreeg",
	"unknown mail":                           "onbekende mail",
	"that mail is no longer in the register": "die mail staat niet meer in het register",
	"that mail is already case %s":           "die mail is al zaak %s",
	"case %s opened with receipt time %s":    "zaak %s geopend met ontvangsttijd %s",
}
