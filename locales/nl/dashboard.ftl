# What the merchant reads: the dashboard.
# Each locale's file has exactly these messages, with the same variables (tests check it).
#
# Markup: a message may use <code>…</code>, <strong>…</strong> and <a>…</a> (the page fills in
# the link's address); keep those tags around the words they mark. Any other < or & is text.
# Values in { $… } may themselves be markup (a code span, a date and time); place them as whole
# words. Words in <code> and values such as x_test=true, sk_test_… or captured are protocol
# names: leave them as they are.
# Dates and times are in UTC; "(UTC)" in a column heading tells the reader so.

## The frame of every page

# The end of every page's title, after the page's own name and a middle dot.
dash-title-suffix = Offsite Gateway-dashboard
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Dashboard
dash-nav-overview = Overzicht
dash-nav-payments = Betalingen
dash-nav-credentials = Toegangsgegevens
dash-nav-settings = Instellingen
dash-nav-developers = Ontwikkelaars
dash-nav-password = Wachtwoord
dash-logout = Uitloggen
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = Account-ID
dash-mode = Modus
# A payment's or a key's mode.
dash-mode-test = test
dash-mode-live = live
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = verkoop
dash-type-authorization = autorisatie
# A payment's status, beside or instead of its protocol code.
dash-status-open = open
dash-status-challenge = 3-D Secure-verificatie
dash-status-pending = in behandeling
dash-status-authorized = geautoriseerd
dash-status-captured = afgeschreven
dash-status-failed = mislukt
dash-status-cancelled = geannuleerd
dash-status-voided = vrijgegeven
dash-status-expired = verlopen
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = geen antwoord
dash-answer-not-attempted = nog niet geprobeerd
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Tijdstip (UTC)
dash-col-created = Aangemaakt (UTC)
dash-col-from = Herkomst
dash-col-status = Status
dash-col-mode = Modus
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Uw kaart is geweigerd.
dash-reason-insufficient-funds = Onvoldoende saldo.
dash-reason-error = De betaling kon niet worden verwerkt.
dash-reason-challenge-failed = De verificatie met 3-D Secure is mislukt.
dash-test-only-note = Dit account accepteert alleen testbetalingen (x_test=true): deze gateway heeft geen live betaalverwerker, dus x_test=false wordt geweigerd met live_mode_unavailable en er wordt niets afgeschreven.

## Logging in, the setup link, passwords

dash-login-title = Inloggen
dash-login-heading = Log in op uw dashboard
dash-email = E-mailadres
dash-password = Wachtwoord
dash-login-button = Inloggen
dash-login-lost = Wachtwoord vergeten? Vraag uw gatewaybeheerder om een nieuwe instellingslink.
dash-login-welcome = Uw wachtwoord is ingesteld. Log ermee in.
dash-login-ended = U bent uitgelogd.
dash-login-invalid = Het e-mailadres of het wachtwoord is onjuist.
# $minutes is how long the login stays locked.
dash-login-locked = Te veel mislukte inlogpogingen. Wacht { $minutes ->
    [one] { $minutes } minuut
   *[other] { $minutes } minuten
} en probeer het dan opnieuw.
dash-setup-title = Stel uw wachtwoord in
# $email is the user's email address, in bold.
dash-setup-for = Voor { $email }. Deze link werkt maar één keer.
dash-setup-button = Wachtwoord instellen
dash-link-gone-heading = Deze link werkt niet
dash-link-gone = De instellingslink is verlopen of al gebruikt. Vraag uw gatewaybeheerder om een nieuwe.
dash-go-to-login = Naar de inlogpagina
dash-new-password = Nieuw wachtwoord
dash-new-password-hint = Minimaal 12 tekens.
dash-new-password-again = Herhaal het nieuwe wachtwoord
dash-password-mismatch = De twee wachtwoorden komen niet overeen.
dash-password-too-short = Het wachtwoord moet minimaal 12 tekens bevatten.
dash-password-too-long = Het wachtwoord is te lang.
dash-password-title = Wachtwoord
dash-password-heading = Wijzig uw wachtwoord
dash-password-sessions = Wanneer u het wijzigt, worden uw andere sessies beëindigd.
dash-current-password = Huidig wachtwoord
dash-password-button = Wachtwoord wijzigen
dash-password-wrong = Het huidige wachtwoord is onjuist.
dash-password-changed = Uw wachtwoord is gewijzigd; uw andere sessies zijn beëindigd.

## The overview

dash-overview-title = Overzicht
dash-mode-test-only = alleen testbetalingen
dash-mode-test-and-live = test- en livebetalingen
dash-audit-heading = Auditlogboek
dash-audit-hint = Alle gebeurtenissen rond toegangsgegevens, instellingen en inloggen van dit account, nieuwste eerst.
dash-col-event = Gebeurtenis
dash-col-who = Wie
dash-col-detail = Details

## Credentials

dash-credentials-title = Toegangsgegevens
dash-secret = Geheim
# $version is the secret's version number (1, 2, …).
dash-secret-version = versie { $version }, alleen getoond bij het aanmaken
dash-previous-secret = Vorig geheim
# $until is a date and time.
dash-previous-verifies-until = verifieert tot { $until }
dash-new-secret-heading = Uw nieuwe geheim
dash-new-secret-copy = Kopieer het nu naar de instellingen van uw webwinkel: het wordt alleen deze ene keer getoond.
dash-rotate-heading = Geheim roteren
dash-rotate-text = Er wordt een nieuw geheim aangemaakt; het huidige blijft verifiëren gedurende de overlap die u kiest, zodat uw webwinkel kan overstappen zonder geweigerde betalingen. Antwoorden en callbacks worden ondertekend met het geheim waarmee het betreffende verzoek is ondertekend.
dash-rotate-previous-valid = Er is nog een vorig geheim geldig: trek het in voordat u opnieuw roteert.
dash-overlap = Overlap, in seconden
dash-overlap-hint = Van 60 (1 minuut) tot 604800 (7 dagen); 3600 is een uur, 86400 een dag.
dash-rotate-button = Geheim roteren
dash-revoke-heading = Vorig geheim intrekken
dash-revoke-text = Zodra uw webwinkel het nieuwe geheim gebruikt, kunt u de overlap nu beëindigen.
dash-revoke-button = Vorig geheim intrekken
dash-overlap-not-number = De overlap moet een aantal seconden zijn.
dash-overlap-out-of-range = De overlap moet tussen 1 minuut en 7 dagen liggen.
# $until is a date and time.
dash-previous-still-valid = Het vorige geheim is nog geldig (tot { $until }); trek het in voordat u opnieuw roteert.
dash-no-valid-previous = Er is geen vorig geheim dat nog geldig is.
dash-no-such-merchant = Er is geen handelaar met dit account-ID.
dash-previous-revoked = Het vorige geheim verifieert niet meer.

## Settings

dash-settings-title = Instellingen
dash-return-hosts = Toegestane hosts voor retour- en callback-URL's
dash-return-hosts-hint = Eén per regel: <code>shop.example.com</code>, of <code>*.shop.example.com</code> voor de subdomeinen ervan. Een betaalverzoek waarvan x_url_complete, x_url_cancel of x_url_callback een andere host gebruikt, wordt geweigerd. Als dit veld leeg is, is elke host toegestaan.
dash-frame-origins = Origins die de betaalpagina mogen insluiten
dash-frame-origins-hint = Eén per regel, zoals <code>https://shop.example.com</code>. Sessies die zijn aangemaakt met <code>ui_mode: embedded</code> en betaalpagina's die zijn geopend met <code>?embed=1</code> mogen alleen door deze origins in een frame worden geladen.
dash-settings-button = Instellingen opslaan
dash-settings-saved = Instellingen opgeslagen.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Er is niets opgeslagen: "{ $entry }" is geen hostnaam (letters, cijfers, koppeltekens en punten, of *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Er is niets opgeslagen: "{ $entry }" is geen origin zoals https://shop.example.com (https, zonder pad).
# $max is the most lines a list may have.
dash-settings-too-many = Er is niets opgeslagen: het maximale aantal items is { $max }.

## The payments list

dash-payments-title = Betalingen
dash-status = Status
# The status filter's choice that filters nothing.
dash-status-any = Alle
dash-reference = Referentie
dash-from = Van (UTC)
dash-to = Tot (UTC)
dash-filter-button = Filteren
dash-filter-clear = Wissen
# $count is how many payments this page lists.
dash-payments-hint = Nieuwste eerst, { $count ->
    [one] { $count } betaling op deze pagina
   *[other] { $count } betalingen op deze pagina
}. Bedragen staan in de valuta van de betreffende betaling.
dash-col-reference = Referentie
dash-col-amount = Bedrag
dash-col-card = Kaart
dash-no-payments = Geen overeenkomende betalingen.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Meer betalingen
dash-newest-page = Nieuwste betalingen
dash-older-page = Oudere betalingen
dash-payments-bad-status = Er is niets weergegeven: onbekende status.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Er is niets weergegeven: Van moet een dag zijn zoals 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Er is niets weergegeven: Tot moet een dag zijn zoals 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Betaling { $reference }
dash-all-payments = Alle betalingen
dash-amount = Bedrag
dash-type = Type
dash-card-label = Kaart
dash-captured = Afgeschreven
dash-refunded = Terugbetaald
dash-created = Aangemaakt (UTC)
dash-gateway-reference = Gatewayreferentie
dash-payment-id = Betalings-ID
dash-operations-heading = Afschrijven, terugbetalen of vrijgeven
dash-operations-hint = Elke handeling wordt ondertekend, gemeld aan de callback-URL van uw webwinkel en vastgelegd in het auditlogboek.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Af te schrijven bedrag, in { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = Maximaal { $max }, het geautoriseerde bedrag dat nog niet is afgeschreven.
dash-capture-button = Afschrijven
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Terug te betalen bedrag, in { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = Maximaal { $max }, het afgeschreven bedrag dat nog niet is terugbetaald.
dash-refund-button = Terugbetalen
dash-void-text = Geef de volledige autorisatie vrij: daarna kan er niets meer van worden afgeschreven.
dash-void-button = Autorisatie vrijgeven
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Er kan niets worden afgeschreven, terugbetaald of vrijgegeven zolang de betaling de status { $status } heeft.
dash-done-capture = Het bedrag is afgeschreven.
dash-done-refund = De terugbetaling is uitgevoerd.
dash-done-void = De autorisatie is vrijgegeven.
dash-done-resend = De callback wordt opnieuw verzonden.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Er is niets uitgevoerd: { $why }.
dash-timeline-heading = Tijdlijn
dash-callbacks-heading = Callbacks
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $result } voor { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = Naar { $url }, in de wachtrij geplaatst op { $queued }.
dash-callback-not-attempted = Nog niet geprobeerd.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Pogingen van callback { $id }
dash-col-attempt = Poging
dash-col-answer = Antwoord
dash-col-time-taken = Duur
dash-callback-resend = Callback { $id } opnieuw verzenden
dash-no-callbacks = Nog geen callbacks voor deze betaling.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Betaalverzoek ontvangen: { $amount }, { $type }, { $mode }
dash-event-page-shown = Betaalpagina voor het eerst getoond
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Kaartpoging { $attempt } ({ $brand } ···· { $last4 }): goedgekeurd
dash-event-charge-declined = Kaartpoging { $attempt } ({ $brand } ···· { $last4 }): geweigerd
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Kaartpoging { $attempt } ({ $brand } ···· { $last4 }): geweigerd — { $why }
dash-event-charge-pending = Kaartpoging { $attempt } ({ $brand } ···· { $last4 }): in behandeling bij de betaalverwerker
dash-event-charge-challenge = Kaartpoging { $attempt } ({ $brand } ···· { $last4 }): 3-D Secure-verificatie gevraagd
dash-event-charge-error = Kaartpoging { $attempt } ({ $brand } ···· { $last4 }): fout bij de betaalverwerker
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Kaartpoging { $attempt } ({ $brand } ···· { $last4 }): fout bij de betaalverwerker — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = 3-D Secure van poging { $attempt } geslaagd
dash-event-3ds-failed = 3-D Secure van poging { $attempt } mislukt
dash-event-3ds-failed-why = 3-D Secure van poging { $attempt } mislukt — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Resultaat: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Resultaat: { $result } — { $why }
dash-event-cancelled = Geannuleerd door de klant
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Afschrijving van { $amount } ({ $operation })
dash-event-refund = Terugbetaling van { $amount } ({ $operation })
dash-event-void = Autorisatie vrijgegeven ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } in de wachtrij geplaatst ({ $result }) naar { $url }
dash-event-callback-operation = Callback { $id } in de wachtrij geplaatst ({ $result } voor { $operation }) naar { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, poging { $attempt }: HTTP { $status } in { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, poging { $attempt }: { $error } in { $ms } ms
dash-event-attempt-none = Callback { $callback }, poging { $attempt }: geen antwoord in { $ms } ms

## Developers: API keys

dash-developers-title = Ontwikkelaars
dash-keys-heading = API-sleutels
dash-keys-hint = Uw server roept de <a>sessie-API</a> aan met <code>Authorization: Bearer</code> en een van deze sleutels. Met een testsleutel (<code>sk_test_…</code>) kunt u alleen testbetalingen aanmaken en bekijken. Van een sleutel wordt alleen een hash bewaard: de sleutel wordt één keer getoond, bij het aanmaken.
# $id is the key's id.
dash-new-key-heading-test = Uw nieuwe test-API-sleutel, { $id }
dash-new-key-heading-live = Uw nieuwe live-API-sleutel, { $id }
dash-new-key-copy = Kopieer hem nu naar de configuratie van uw server: hij wordt niet opnieuw getoond.
# The label of the table of keys, for screen readers.
dash-keys-label = Uw API-sleutels
dash-col-id = ID
dash-col-key = Sleutel
# $at is a date and time.
dash-key-revoked-at = ingetrokken op { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = { $id } intrekken
dash-key-revoke = Intrekken
dash-no-keys = Nog geen API-sleutels.
dash-live-key = Een livesleutel (<code>sk_live_…</code>)
dash-live-hint-test-only = Dit account accepteert alleen testbetalingen: een livesleutel wordt geweigerd totdat het account is ingeschakeld voor livebetalingen.
dash-live-hint = Niet aangevinkt: een testsleutel, die nooit een livebetaling raakt.
dash-key-button = API-sleutel aanmaken
dash-key-live-refused = Dit account accepteert alleen testbetalingen, dus een livesleutel zou bij elk verzoek worden geweigerd: er is geen sleutel aangemaakt. Maak in plaats daarvan een testsleutel aan.
dash-key-not-found = Die API-sleutel is niet gevonden onder de actieve sleutels van dit account: er is niets ingetrokken.
dash-key-revoked = De API-sleutel is ingetrokken: een verzoek met deze sleutel krijgt 401.

## Developers: webhook endpoints

dash-webhooks-heading = Webhook-endpoints
dash-webhooks-hint = Elke gebeurtenis wordt als JSON via POST verzonden naar de endpoints die erop zijn geabonneerd, ondertekend volgens Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) met het geheim van het endpoint, en opnieuw verzonden totdat uw ontvanger met 2xx antwoordt. Het geheim wordt één keer getoond, bij het aanmaken.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = Het nieuwe geheim van { $id }
dash-new-webhook-secret = Het geheim van uw nieuwe endpoint, { $id }
dash-new-webhook-copy = Kopieer het nu naar uw webhook-ontvanger: het wordt niet opnieuw getoond.
# $until is a date and time.
dash-new-webhook-previous = Tot { $until } ondertekent ook het vorige geheim elke levering.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Uw webhook-endpoints
dash-col-endpoint = Endpoint
dash-col-events = Gebeurtenissen
dash-col-secret = Geheim
dash-col-actions = Acties
# $at is a date and time.
dash-endpoint-created = aangemaakt op { $at }
# $until is a date and time.
dash-endpoint-previous-until = vorig geheim geldig tot { $until }
dash-endpoint-one-secret = één geheim
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = alle gebeurtenissen (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Geheim roteren: { $id }
dash-endpoint-rotate = Geheim roteren
dash-endpoint-delete-label = { $id } verwijderen
dash-endpoint-delete = Verwijderen
dash-no-endpoints = Nog geen webhook-endpoints.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Nieuwste leveringen aan { $id }
dash-deliveries-none = Er is nog niets naartoe verzonden.
dash-col-event-payment = Gebeurtenis en betaling
dash-col-last-answer = Laatste antwoord
dash-col-action = Actie
# $payment is the payment's id, linked to its page.
dash-delivery-payment = betaling { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } poging
   *[other] { $count } pogingen
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Opnieuw verzenden: levering { $id }, { $event }
dash-delivery-resend = Opnieuw verzenden
dash-webhook-form-heading = Een endpoint toevoegen
dash-webhook-url = Endpoint-URL
dash-webhook-url-hint = Waar uw ontvanger luistert: een https-URL op een openbare host, op de standaardpoort.
dash-events-legend = Te verzenden gebeurtenissen
dash-events-hint = "Alle gebeurtenissen" omvat ook typen die later worden toegevoegd.
dash-events-all = Alle gebeurtenissen (<code>*</code>)
dash-webhook-button = Endpoint toevoegen
dash-webhook-url-missing = Vul de URL in waarop uw webhook-ontvanger luistert.
# $max is a number of characters.
dash-webhook-url-too-long = De URL mag maximaal { $max } tekens bevatten.
dash-webhook-url-not-https = De URL moet een absolute https-URL zijn.
dash-webhook-url-bad-characters = De URL mag geen spaties, backslashes of stuurtekens bevatten.
dash-webhook-url-userinfo = De URL mag geen gebruikersnaam of wachtwoord bevatten.
dash-webhook-url-private = De URL moet een openbare host aanduiden.
dash-webhook-url-port = De URL moet de standaardpoort gebruiken.
dash-webhook-url-bad-host = De hostnaam in de URL is geen geldige DNS-naam.
dash-webhook-events-missing = Kies ten minste één gebeurtenis, of alle gebeurtenissen.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = "{ $event }" is geen gebeurtenistype; de typen zijn { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = Dit account heeft al { $max } endpoints, het maximum: verwijder er eerst een.
dash-webhook-not-saved = Er is niets opgeslagen: corrigeer het formulier hieronder.
dash-webhook-not-found = Dat endpoint of die levering is niet gevonden bij dit account: er is niets gedaan.
dash-endpoint-deleted = Het endpoint is verwijderd: er wordt niets meer naartoe verzonden.
dash-delivery-resent = De levering wordt opnieuw verzonden.

## Developers: callback delivery

dash-delivery-heading = Levering van callbacks, afgelopen 24 uur
dash-delivery-warning = Het callback-endpoint van uw webwinkel geeft fouten of is traag: callbacks worden opnieuw geprobeerd, en een callback waarvan alle pogingen zijn verbruikt, wordt opgegeven.
dash-delivery-attempts-label = Pogingen
dash-delivery-answered = Beantwoord met 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate }%
dash-delivery-no-attempts = geen pogingen
dash-delivery-answer-time = Antwoordtijd
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = mediaan { $p50 }, 95e percentiel { $p95 }
dash-delivery-waiting-label = Wachtend
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, de oudste { $age ->
    [one] { $age } seconde
   *[other] { $age } seconden
} geleden aangemaakt
dash-delivery-waiting-minutes = { $waiting }, de oudste { $age ->
    [one] { $age } minuut
   *[other] { $age } minuten
} geleden aangemaakt
dash-delivery-waiting-hours = { $waiting }, de oudste { $age ->
    [one] { $age } uur
   *[other] { $age } uur
} geleden aangemaakt
dash-delivery-waiting-days = { $waiting }, de oudste { $age ->
    [one] { $age } dag
   *[other] { $age } dagen
} geleden aangemaakt
dash-delivery-gave-up-label = Opgegeven
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] De opgegeven callback opnieuw verzenden
   *[other] De { $count } opgegeven callbacks opnieuw verzenden
}
dash-resent-none = Er was geen callback opgegeven: er is niets verzonden.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } callback wordt opnieuw verzonden.
   *[other] { $count } callbacks worden opnieuw verzonden.
}

## Developers: refused signatures

dash-rejections-heading = Geweigerde handtekeningen
dash-rejections-hint = Verzoeken van de afgelopen 7 dagen waarvan de handtekening niet kon worden geverifieerd (maximaal 100), met wat de webwinkel waarschijnlijk verkeerd heeft gedaan. Alleen veldnamen worden bewaard, nooit waarden.
dash-col-path = Pad
dash-col-diagnosis = Diagnose
dash-col-fields = Verzonden velden
dash-no-rejections = Geen geweigerde handtekeningen in de afgelopen 7 dagen.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Onderteken met het huidige geheim; het gebruikte geheim is verlopen of ingetrokken.
dash-diagnosis-non-x-fields-included = Onderteken alleen de velden waarvan de naam met x_ begint.
dash-diagnosis-signature-field-included = Laat het veld x_signature zelf weg uit het ondertekende bericht.
dash-diagnosis-unsorted-fields = Sorteer de velden vóór het ondertekenen op naam, in bytevolgorde.
dash-diagnosis-separators-used = Plaats elke waarde direct na de naam ervan en elk paar direct na het vorige, zonder = of & ertussen.
dash-diagnosis-encoded-values = Onderteken de gedecodeerde veldwaarden, niet hun procentgecodeerde vorm.
dash-diagnosis-empty-fields-dropped = Neem de x_-velden die met een lege waarde worden verzonden ook op, als alleen hun naam.
dash-diagnosis-wrong-algorithm = Onderteken met HMAC-SHA256 met het geheim als sleutel en verzend de hexadecimale digest.
dash-diagnosis-secret-decoded = Gebruik de tekst van het geheim precies zoals opgegeven als HMAC-sleutel, zonder hex- of base64-decodering.
dash-diagnosis-unknown = Onderteken elk x_-veld behalve x_signature, gesorteerd op naam, elke naam gevolgd door de waarde ervan, met HMAC-SHA256 en het huidige geheim als sleutel.

## Error pages

dash-error-heading = Dit kan niet worden uitgevoerd
dash-error-malformed = Het verzoek is onjuist opgebouwd.
dash-error-not-found = Deze pagina bestaat niet.
dash-error-conflict = Er is tegelijkertijd iets gewijzigd. Laad de pagina opnieuw en probeer het nog eens.
dash-error-too-large = Het formulier is te groot.
dash-error-timeout = Het verzoek deed er te lang over om aan te komen.
dash-error-rate-limited = Te veel verzoeken vanaf hier in korte tijd. Wacht even en probeer het opnieuw.
dash-error-deadline = Het antwoord duurde te lang. Laad de pagina opnieuw om te controleren of de wijziging is doorgevoerd voordat u het opnieuw probeert.
dash-error-unsupported = Het verzoek moet als formulier worden verzonden.
dash-error-invalid = Het formulier bevat een ongeldige waarde.
dash-error-forbidden = Dit formulier is niet vanaf dit dashboard verzonden, dus er is niets gewijzigd.
dash-error-unexpected = Er is aan onze kant iets misgegaan. Probeer het over een ogenblik opnieuw.
dash-error-other = Dit verzoek kan niet worden verwerkt.
dash-error-detail = Details voor ontwikkelaars
dash-error-field = Veld
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Referentie voor de klantenservice: { $id }
dash-error-back = Terug naar het dashboard
