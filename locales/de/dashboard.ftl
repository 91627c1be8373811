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
dash-title-suffix = Dashboard von Offsite Gateway
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Dashboard
dash-nav-overview = Übersicht
dash-nav-payments = Zahlungen
dash-nav-credentials = Zugangsdaten
dash-nav-settings = Einstellungen
dash-nav-developers = Entwickler
dash-nav-password = Passwort
dash-logout = Abmelden
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = Konto-ID
dash-mode = Modus
# A payment's or a key's mode.
dash-mode-test = Test
dash-mode-live = Live
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = Verkauf
dash-type-authorization = Autorisierung
# A payment's status, beside or instead of its protocol code.
dash-status-open = offen
dash-status-challenge = Prüfung mit 3-D Secure
dash-status-pending = ausstehend
dash-status-authorized = autorisiert
dash-status-captured = eingezogen
dash-status-failed = fehlgeschlagen
dash-status-cancelled = abgebrochen
dash-status-voided = storniert
dash-status-expired = abgelaufen
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = keine Antwort
dash-answer-not-attempted = noch nicht versucht
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Zeitpunkt (UTC)
dash-col-created = Erstellt (UTC)
dash-col-from = Herkunft
dash-col-status = Status
dash-col-mode = Modus
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Ihre Karte wurde abgelehnt.
dash-reason-insufficient-funds = Ihre Karte ist nicht ausreichend gedeckt.
dash-reason-error = Die Zahlung konnte nicht verarbeitet werden.
dash-reason-challenge-failed = Die Authentifizierung mit 3-D Secure ist fehlgeschlagen.
dash-test-only-note = Dieses Konto akzeptiert nur Testzahlungen (x_test=true): Dieses Gateway hat keinen Zahlungsabwickler für Live-Zahlungen, daher wird x_test=false mit live_mode_unavailable abgelehnt, und es wird nichts belastet.

## Logging in, the setup link, passwords

dash-login-title = Anmelden
dash-login-heading = Beim Dashboard anmelden
dash-email = E-Mail-Adresse
dash-password = Passwort
dash-login-button = Anmelden
dash-login-lost = Passwort vergessen? Bitten Sie den Betreiber Ihres Gateways um einen neuen Einrichtungslink.
dash-login-welcome = Ihr Passwort ist festgelegt. Melden Sie sich damit an.
dash-login-ended = Sie haben sich abgemeldet.
dash-login-invalid = E-Mail-Adresse oder Passwort ist nicht korrekt.
# $minutes is how long the login stays locked.
dash-login-locked = Zu viele fehlgeschlagene Anmeldeversuche. Warten Sie { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
} und versuchen Sie es dann erneut.
dash-setup-title = Passwort festlegen
# $email is the user's email address, in bold.
dash-setup-for = Für { $email }. Dieser Link funktioniert nur einmal.
dash-setup-button = Passwort festlegen
dash-link-gone-heading = Dieser Link funktioniert nicht
dash-link-gone = Der Einrichtungslink ist abgelaufen oder wurde bereits verwendet. Bitten Sie den Betreiber Ihres Gateways um einen neuen.
dash-go-to-login = Zur Anmeldeseite
dash-new-password = Neues Passwort
dash-new-password-hint = Mindestens 12 Zeichen.
dash-new-password-again = Neues Passwort wiederholen
dash-password-mismatch = Die beiden Passwörter stimmen nicht überein.
dash-password-too-short = Das Passwort muss mindestens 12 Zeichen lang sein.
dash-password-too-long = Das Passwort ist zu lang.
dash-password-title = Passwort
dash-password-heading = Passwort ändern
dash-password-sessions = Wenn Sie es ändern, werden Ihre anderen Sitzungen beendet.
dash-current-password = Aktuelles Passwort
dash-password-button = Passwort ändern
dash-password-wrong = Das aktuelle Passwort ist nicht korrekt.
dash-password-changed = Ihr Passwort wurde geändert; Ihre anderen Sitzungen wurden beendet.

## The overview

dash-overview-title = Übersicht
dash-mode-test-only = nur Testzahlungen
dash-mode-test-and-live = Test- und Live-Zahlungen
dash-audit-heading = Audit-Protokoll
dash-audit-hint = Alle Ereignisse dieses Kontos zu Zugangsdaten, Einstellungen und Anmeldungen, neueste zuerst.
dash-col-event = Ereignis
dash-col-who = Wer
dash-col-detail = Details

## Credentials

dash-credentials-title = Zugangsdaten
dash-secret = Secret
# $version is the secret's version number (1, 2, …).
dash-secret-version = Version { $version }, wird nur bei der Erstellung angezeigt
dash-previous-secret = Vorheriges Secret
# $until is a date and time.
dash-previous-verifies-until = wird noch bis { $until } akzeptiert
dash-new-secret-heading = Ihr neues Secret
dash-new-secret-copy = Kopieren Sie es jetzt in die Einstellungen Ihres Shops: Es wird nur dieses eine Mal angezeigt.
dash-rotate-heading = Secret rotieren
dash-rotate-text = Es wird ein neues Secret erstellt; das aktuelle wird während der von Ihnen gewählten Übergangszeit weiterhin akzeptiert, sodass Ihr Shop ohne abgelehnte Zahlungen umstellen kann. Antworten und Callbacks werden mit dem Secret signiert, mit dem die jeweilige Anfrage signiert wurde.
dash-rotate-previous-valid = Ein vorheriges Secret ist noch gültig: Widerrufen Sie es, bevor Sie erneut rotieren.
dash-overlap = Übergangszeit in Sekunden
dash-overlap-hint = Von 60 (1 Minute) bis 604800 (7 Tage); 3600 ist eine Stunde, 86400 ein Tag.
dash-rotate-button = Secret rotieren
dash-revoke-heading = Vorheriges Secret widerrufen
dash-revoke-text = Sobald Ihr Shop das neue Secret verwendet, beenden Sie hier die Übergangszeit sofort.
dash-revoke-button = Vorheriges Secret widerrufen
dash-overlap-not-number = Die Übergangszeit muss eine Anzahl von Sekunden sein.
dash-overlap-out-of-range = Die Übergangszeit muss zwischen 1 Minute und 7 Tagen liegen.
# $until is a date and time.
dash-previous-still-valid = Das vorherige Secret ist noch gültig (bis { $until }); widerrufen Sie es, bevor Sie erneut rotieren.
dash-no-valid-previous = Es gibt kein vorheriges Secret, das noch gültig ist.
dash-no-such-merchant = Zu dieser Konto-ID gibt es keinen Händler.
dash-previous-revoked = Das vorherige Secret wird nicht mehr akzeptiert.

## Settings

dash-settings-title = Einstellungen
dash-return-hosts = Zulässige Hosts für Rücksprung- und Callback-URLs
dash-return-hosts-hint = Ein Host pro Zeile: <code>shop.example.com</code> oder <code>*.shop.example.com</code> für dessen Subdomains. Eine Zahlungsanfrage, deren x_url_complete, x_url_cancel oder x_url_callback einen anderen Host verwendet, wird abgelehnt. Ist das Feld leer, ist jeder Host zulässig.
dash-frame-origins = Origins, die die Zahlungsseite einbetten dürfen
dash-frame-origins-hint = Ein Origin pro Zeile, etwa <code>https://shop.example.com</code>. Sitzungen, die mit <code>ui_mode: embedded</code> erstellt wurden, und Zahlungsseiten, die mit <code>?embed=1</code> geöffnet wurden, dürfen nur von diesen Origins eingebettet werden.
dash-settings-button = Einstellungen speichern
dash-settings-saved = Einstellungen gespeichert.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Es wurde nichts gespeichert: „{ $entry }“ ist kein Hostname (Buchstaben, Ziffern, Bindestriche und Punkte oder *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Es wurde nichts gespeichert: „{ $entry }“ ist kein Origin wie https://shop.example.com (https, ohne Pfad).
# $max is the most lines a list may have.
dash-settings-too-many = Es wurde nichts gespeichert: höchstens { $max } Einträge.

## The payments list

dash-payments-title = Zahlungen
dash-status = Status
# The status filter's choice that filters nothing.
dash-status-any = Alle
dash-reference = Referenz
dash-from = Von (UTC)
dash-to = Bis (UTC)
dash-filter-button = Filtern
dash-filter-clear = Zurücksetzen
# $count is how many payments this page lists.
dash-payments-hint = Neueste zuerst, { $count ->
    [one] { $count } Zahlung auf dieser Seite
   *[other] { $count } Zahlungen auf dieser Seite
}. Beträge sind in der Währung der jeweiligen Zahlung angegeben.
dash-col-reference = Referenz
dash-col-amount = Betrag
dash-col-card = Karte
dash-no-payments = Keine passenden Zahlungen.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Weitere Zahlungen
dash-newest-page = Neueste Zahlungen
dash-older-page = Ältere Zahlungen
dash-payments-bad-status = Es wurde nichts aufgelistet: Unbekannter Status.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Es wurde nichts aufgelistet: „Von“ muss ein Tag im Format 2026-12-01 sein
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Es wurde nichts aufgelistet: „Bis“ muss ein Tag im Format 2026-12-01 sein

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Zahlung { $reference }
dash-all-payments = Alle Zahlungen
dash-amount = Betrag
dash-type = Typ
dash-card-label = Karte
dash-captured = Eingezogen
dash-refunded = Erstattet
dash-created = Erstellt (UTC)
dash-gateway-reference = Gateway-Referenz
dash-payment-id = Zahlungs-ID
dash-operations-heading = Einziehen, erstatten oder stornieren
dash-operations-hint = Jeder dieser Vorgänge wird signiert, an die Callback-URL Ihres Shops gemeldet und im Audit-Protokoll festgehalten.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Einzuziehender Betrag in { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = Höchstens { $max }, der autorisierte und noch nicht eingezogene Betrag.
dash-capture-button = Einziehen
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Zu erstattender Betrag in { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = Höchstens { $max }, der eingezogene und noch nicht erstattete Betrag.
dash-refund-button = Erstatten
dash-void-text = Heben Sie die gesamte Autorisierung auf: Danach kann nichts mehr davon eingezogen werden.
dash-void-button = Autorisierung stornieren
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Solange die Zahlung den Status { $status } hat, kann nichts eingezogen, erstattet oder storniert werden.
dash-done-capture = Der Betrag wurde eingezogen.
dash-done-refund = Die Erstattung ist erfolgt.
dash-done-void = Die Autorisierung wurde storniert.
dash-done-resend = Der Callback wird erneut gesendet.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Es wurde nichts ausgeführt: { $why }.
dash-timeline-heading = Verlauf
dash-callbacks-heading = Callbacks
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $result } für { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = An { $url }, in die Warteschlange gestellt am { $queued }.
dash-callback-not-attempted = Noch nicht versucht.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Versuche von Callback { $id }
dash-col-attempt = Versuch
dash-col-answer = Antwort
dash-col-time-taken = Dauer
dash-callback-resend = Callback { $id } erneut senden
dash-no-callbacks = Für diese Zahlung gibt es noch keine Callbacks.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Zahlungsanfrage eingegangen: { $amount }, { $type }, { $mode }
dash-event-page-shown = Zahlungsseite erstmals angezeigt
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Versuch { $attempt } mit Karte ({ $brand } ···· { $last4 }): genehmigt
dash-event-charge-declined = Versuch { $attempt } mit Karte ({ $brand } ···· { $last4 }): abgelehnt
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Versuch { $attempt } mit Karte ({ $brand } ···· { $last4 }): abgelehnt – { $why }
dash-event-charge-pending = Versuch { $attempt } mit Karte ({ $brand } ···· { $last4 }): beim Zahlungsabwickler ausstehend
dash-event-charge-challenge = Versuch { $attempt } mit Karte ({ $brand } ···· { $last4 }): Prüfung mit 3-D Secure angefordert
dash-event-charge-error = Versuch { $attempt } mit Karte ({ $brand } ···· { $last4 }): Fehler beim Zahlungsabwickler
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Versuch { $attempt } mit Karte ({ $brand } ···· { $last4 }): Fehler beim Zahlungsabwickler – { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = 3-D Secure für Versuch { $attempt } bestanden
dash-event-3ds-failed = 3-D Secure für Versuch { $attempt } fehlgeschlagen
dash-event-3ds-failed-why = 3-D Secure für Versuch { $attempt } fehlgeschlagen – { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Ergebnis: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Ergebnis: { $result } – { $why }
dash-event-cancelled = Vom Kunden abgebrochen
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Einzug von { $amount } ({ $operation })
dash-event-refund = Erstattung von { $amount } ({ $operation })
dash-event-void = Stornierung ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } ({ $result }) an { $url } in die Warteschlange gestellt
dash-event-callback-operation = Callback { $id } ({ $result } für { $operation }) an { $url } in die Warteschlange gestellt
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, Versuch { $attempt }: HTTP { $status } nach { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, Versuch { $attempt }: { $error } nach { $ms } ms
dash-event-attempt-none = Callback { $callback }, Versuch { $attempt }: keine Antwort nach { $ms } ms

## Developers: API keys

dash-developers-title = Entwickler
dash-keys-heading = API-Schlüssel
dash-keys-hint = Ihr Server ruft die <a>Sessions-API</a> mit <code>Authorization: Bearer</code> und einem dieser Schlüssel auf. Ein Testschlüssel (<code>sk_test_…</code>) erstellt und sieht nur Testzahlungen. Gespeichert wird nur ein Hash des Schlüssels: Der Schlüssel wird einmalig bei seiner Erstellung angezeigt.
# $id is the key's id.
dash-new-key-heading-test = Ihr neuer Test-API-Schlüssel, { $id }
dash-new-key-heading-live = Ihr neuer Live-API-Schlüssel, { $id }
dash-new-key-copy = Kopieren Sie ihn jetzt in die Konfiguration Ihres Servers: Er wird nicht noch einmal angezeigt.
# The label of the table of keys, for screen readers.
dash-keys-label = Ihre API-Schlüssel
dash-col-id = ID
dash-col-key = Schlüssel
# $at is a date and time.
dash-key-revoked-at = widerrufen am { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = { $id } widerrufen
dash-key-revoke = Widerrufen
dash-no-keys = Noch keine API-Schlüssel.
dash-live-key = Ein Live-Schlüssel (<code>sk_live_…</code>)
dash-live-hint-test-only = Dieses Konto akzeptiert nur Testzahlungen: Ein Live-Schlüssel wird abgelehnt, bis das Konto für Live-Zahlungen freigeschaltet ist.
dash-live-hint = Nicht aktiviert: ein Testschlüssel, der nie eine Live-Zahlung berührt.
dash-key-button = API-Schlüssel erstellen
dash-key-live-refused = Dieses Konto akzeptiert nur Testzahlungen, daher würde ein Live-Schlüssel bei jeder Anfrage abgelehnt: Es wurde kein Schlüssel erstellt. Erstellen Sie stattdessen einen Testschlüssel.
dash-key-not-found = Dieser API-Schlüssel wurde unter den aktiven Schlüsseln dieses Kontos nicht gefunden: Es wurde nichts widerrufen.
dash-key-revoked = Der API-Schlüssel ist widerrufen: Eine Anfrage damit erhält 401.

## Developers: webhook endpoints

dash-webhooks-heading = Webhook-Endpunkte
dash-webhooks-hint = Jedes Ereignis wird per POST als JSON an die Endpunkte gesendet, die es abonniert haben, nach Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) mit dem Secret des Endpunkts signiert und so lange erneut gesendet, bis Ihr Empfänger mit 2xx antwortet. Das Secret wird einmalig bei seiner Erstellung angezeigt.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = Das neue Secret von { $id }
dash-new-webhook-secret = Das Secret Ihres neuen Endpunkts, { $id }
dash-new-webhook-copy = Kopieren Sie es jetzt in Ihren Webhook-Empfänger: Es wird nicht noch einmal angezeigt.
# $until is a date and time.
dash-new-webhook-previous = Das vorherige Secret signiert bis { $until } ebenfalls jede Zustellung.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Ihre Webhook-Endpunkte
dash-col-endpoint = Endpunkt
dash-col-events = Ereignisse
dash-col-secret = Secret
dash-col-actions = Aktionen
# $at is a date and time.
dash-endpoint-created = erstellt am { $at }
# $until is a date and time.
dash-endpoint-previous-until = vorheriges Secret gültig bis { $until }
dash-endpoint-one-secret = ein Secret
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = alle Ereignisse (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Secret rotieren: { $id }
dash-endpoint-rotate = Secret rotieren
dash-endpoint-delete-label = { $id } löschen
dash-endpoint-delete = Löschen
dash-no-endpoints = Noch keine Webhook-Endpunkte.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Neueste Zustellungen an { $id }
dash-deliveries-none = Bisher wurde nichts an diesen Endpunkt gesendet.
dash-col-event-payment = Ereignis und Zahlung
dash-col-last-answer = Letzte Antwort
dash-col-action = Aktion
# $payment is the payment's id, linked to its page.
dash-delivery-payment = Zahlung { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } Versuch
   *[other] { $count } Versuche
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Erneut senden: Zustellung { $id }, { $event }
dash-delivery-resend = Erneut senden
dash-webhook-form-heading = Endpunkt hinzufügen
dash-webhook-url = Endpunkt-URL
dash-webhook-url-hint = Die Adresse, unter der Ihr Empfänger erreichbar ist: eine https-URL auf einem öffentlichen Host mit dem Standardport.
dash-events-legend = Zu sendende Ereignisse
dash-events-hint = „Alle Ereignisse“ umfasst auch später hinzugefügte Typen.
dash-events-all = Alle Ereignisse (<code>*</code>)
dash-webhook-button = Endpunkt hinzufügen
dash-webhook-url-missing = Geben Sie die URL ein, unter der Ihr Webhook-Empfänger erreichbar ist.
# $max is a number of characters.
dash-webhook-url-too-long = Die URL darf höchstens { $max } Zeichen lang sein.
dash-webhook-url-not-https = Die URL muss eine absolute https-URL sein.
dash-webhook-url-bad-characters = Die URL darf keine Leerzeichen, Backslashes oder Steuerzeichen enthalten.
dash-webhook-url-userinfo = Die URL darf weder einen Benutzernamen noch ein Passwort enthalten.
dash-webhook-url-private = Die URL muss einen öffentlichen Host angeben.
dash-webhook-url-port = Die URL muss den Standardport verwenden.
dash-webhook-url-bad-host = Der Hostname der URL ist kein gültiger DNS-Name.
dash-webhook-events-missing = Wählen Sie mindestens ein Ereignis oder alle Ereignisse aus.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = „{ $event }“ ist kein Ereignistyp; die Typen sind { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = Dieses Konto hat bereits { $max } Endpunkte, die zulässige Höchstzahl: Löschen Sie zuerst einen.
dash-webhook-not-saved = Es wurde nichts gespeichert: Korrigieren Sie das Formular unten.
dash-webhook-not-found = Dieser Endpunkt oder diese Zustellung wurde unter denen dieses Kontos nicht gefunden: Es wurde nichts ausgeführt.
dash-endpoint-deleted = Der Endpunkt wurde gelöscht: Es wird nichts mehr an ihn gesendet.
dash-delivery-resent = Die Zustellung wird erneut gesendet.

## Developers: callback delivery

dash-delivery-heading = Callback-Zustellung, letzte 24 Stunden
dash-delivery-warning = Der Callback-Endpunkt Ihres Shops schlägt fehl oder antwortet langsam: Callbacks werden erneut gesendet, und ein Callback, dessen Wiederholungen aufgebraucht sind, wird aufgegeben.
dash-delivery-attempts-label = Versuche
dash-delivery-answered = Mit 2xx beantwortet
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate } %
dash-delivery-no-attempts = keine Versuche
dash-delivery-answer-time = Antwortzeit
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = Median { $p50 }, 95. Perzentil { $p95 }
dash-delivery-waiting-label = Wartend
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, der älteste vor { $age ->
    [one] { $age } Sekunde
   *[other] { $age } Sekunden
} erstellt
dash-delivery-waiting-minutes = { $waiting }, der älteste vor { $age ->
    [one] { $age } Minute
   *[other] { $age } Minuten
} erstellt
dash-delivery-waiting-hours = { $waiting }, der älteste vor { $age ->
    [one] { $age } Stunde
   *[other] { $age } Stunden
} erstellt
dash-delivery-waiting-days = { $waiting }, der älteste vor { $age ->
    [one] { $age } Tag
   *[other] { $age } Tagen
} erstellt
dash-delivery-gave-up-label = Aufgegeben
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Den aufgegebenen Callback erneut senden
   *[other] Die { $count } aufgegebenen Callbacks erneut senden
}
dash-resent-none = Kein Callback war aufgegeben: Es wurde nichts gesendet.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } Callback wird erneut gesendet.
   *[other] { $count } Callbacks werden erneut gesendet.
}

## Developers: refused signatures

dash-rejections-heading = Abgelehnte Signaturen
dash-rejections-hint = Anfragen der letzten 7 Tage, deren Signatur nicht verifiziert werden konnte (höchstens 100), mit dem, was der Shop höchstwahrscheinlich falsch gemacht hat. Gespeichert werden nur Feldnamen, niemals Werte.
dash-col-path = Pfad
dash-col-diagnosis = Diagnose
dash-col-fields = Gesendete Felder
dash-no-rejections = Keine abgelehnten Signaturen in den letzten 7 Tagen.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Signieren Sie mit dem aktuellen Secret; das verwendete ist abgelaufen oder wurde widerrufen.
dash-diagnosis-non-x-fields-included = Signieren Sie nur die Felder, deren Namen mit x_ beginnen.
dash-diagnosis-signature-field-included = Lassen Sie das Feld x_signature selbst aus der signierten Nachricht weg.
dash-diagnosis-unsorted-fields = Sortieren Sie die Felder vor dem Signieren nach ihrem Namen in Byte-Reihenfolge.
dash-diagnosis-separators-used = Setzen Sie jeden Wert direkt hinter seinen Namen und jedes Paar direkt hinter das vorherige, ohne = oder & dazwischen.
dash-diagnosis-encoded-values = Signieren Sie die decodierten Feldwerte, nicht ihre prozentcodierte Form.
dash-diagnosis-empty-fields-dropped = Beziehen Sie die x_-Felder, die mit leerem Wert gesendet werden, mit ein, und zwar nur mit ihrem Namen.
dash-diagnosis-wrong-algorithm = Signieren Sie mit HMAC-SHA256 und dem Secret als Schlüssel und senden Sie den Digest in Hex-Darstellung.
dash-diagnosis-secret-decoded = Verwenden Sie den Text des Secrets genau so, wie er angegeben ist, als HMAC-Schlüssel, ohne ihn aus Hex oder base64 zu decodieren.
dash-diagnosis-unknown = Signieren Sie alle x_-Felder außer x_signature, nach Namen sortiert, jeden Namen gefolgt von seinem Wert, mit HMAC-SHA256 und dem aktuellen Secret als Schlüssel.

## Error pages

dash-error-heading = Das ist nicht möglich
dash-error-malformed = Die Anfrage ist fehlerhaft aufgebaut.
dash-error-not-found = Diese Seite existiert nicht.
dash-error-conflict = Gleichzeitig wurde etwas geändert. Laden Sie die Seite neu und versuchen Sie es erneut.
dash-error-too-large = Das Formular ist zu groß.
dash-error-timeout = Die Übertragung der Anfrage hat zu lange gedauert.
dash-error-rate-limited = Zu viele Anfragen von hier in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es erneut.
dash-error-deadline = Die Antwort hat zu lange gedauert. Laden Sie die Seite neu, um zu prüfen, ob die Änderung vorgenommen wurde, bevor Sie es erneut versuchen.
dash-error-unsupported = Die Anfrage muss als Formular gesendet werden.
dash-error-invalid = Das Formular enthält einen ungültigen Wert.
dash-error-forbidden = Dieses Formular wurde nicht von diesem Dashboard aus gesendet, daher wurde nichts geändert.
dash-error-unexpected = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.
dash-error-other = Diese Anfrage kann nicht verarbeitet werden.
dash-error-detail = Details für Entwickler
dash-error-field = Feld
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Referenz für den Support: { $id }
dash-error-back = Zurück zum Dashboard
