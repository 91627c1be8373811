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
dash-title-suffix = Dashboard di Offsite Gateway
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Dashboard
dash-nav-overview = Panoramica
dash-nav-payments = Pagamenti
dash-nav-credentials = Credenziali
dash-nav-settings = Impostazioni
dash-nav-developers = Sviluppatori
dash-nav-password = Password
dash-logout = Esci
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = ID account
dash-mode = Modalità
# A payment's or a key's mode.
dash-mode-test = test
dash-mode-live = live
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = vendita
dash-type-authorization = autorizzazione
# A payment's status, beside or instead of its protocol code.
dash-status-open = aperto
dash-status-challenge = verifica 3-D Secure
dash-status-pending = in sospeso
dash-status-authorized = autorizzato
dash-status-captured = acquisito
dash-status-failed = non riuscito
dash-status-cancelled = annullato
dash-status-voided = revocato
dash-status-expired = scaduto
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = nessuna risposta
dash-answer-not-attempted = non ancora tentato
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Data e ora (UTC)
dash-col-created = Data di creazione (UTC)
dash-col-from = Provenienza
dash-col-status = Stato
dash-col-mode = Modalità
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = La carta è stata rifiutata.
dash-reason-insufficient-funds = Fondi insufficienti.
dash-reason-error = Non è stato possibile elaborare il pagamento.
dash-reason-challenge-failed = Autenticazione 3-D Secure non riuscita.
dash-test-only-note = Questo account accetta solo pagamenti di prova (x_test=true): questo gateway non dispone di un processore di pagamento live, quindi x_test=false viene rifiutato con live_mode_unavailable e non viene addebitato nulla.

## Logging in, the setup link, passwords

dash-login-title = Accesso
dash-login-heading = Accedi alla dashboard
dash-email = Email
dash-password = Password
dash-login-button = Accedi
dash-login-lost = Password dimenticata? Richiedere un nuovo link di configurazione all'operatore del gateway.
dash-login-welcome = La password è stata impostata. Accedere con la nuova password.
dash-login-ended = Disconnessione effettuata.
dash-login-invalid = L'email o la password non sono corrette.
# $minutes is how long the login stays locked.
dash-login-locked = Troppi tentativi di accesso non riusciti. Attendere { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minuti
} e riprovare.
dash-setup-title = Imposta la password
# $email is the user's email address, in bold.
dash-setup-for = Per { $email }. Questo link funziona una sola volta.
dash-setup-button = Imposta password
dash-link-gone-heading = Questo link non funziona
dash-link-gone = Il link di configurazione è scaduto o è già stato utilizzato. Richiederne uno nuovo all'operatore del gateway.
dash-go-to-login = Vai alla pagina di accesso
dash-new-password = Nuova password
dash-new-password-hint = Almeno 12 caratteri.
dash-new-password-again = Ripeti la nuova password
dash-password-mismatch = Le due password non coincidono.
dash-password-too-short = La password deve contenere almeno 12 caratteri.
dash-password-too-long = La password è troppo lunga.
dash-password-title = Password
dash-password-heading = Modifica la password
dash-password-sessions = Quando la si modifica, le altre sessioni vengono chiuse.
dash-current-password = Password attuale
dash-password-button = Modifica password
dash-password-wrong = La password attuale non è corretta.
dash-password-changed = La password è stata modificata; le altre sessioni sono state chiuse.

## The overview

dash-overview-title = Panoramica
dash-mode-test-only = solo pagamenti di prova
dash-mode-test-and-live = pagamenti di prova e live
dash-audit-heading = Registro di controllo
dash-audit-hint = Tutti gli eventi relativi a credenziali, impostazioni e accessi di questo account, dal più recente.
dash-col-event = Evento
dash-col-who = Utente
dash-col-detail = Dettagli

## Credentials

dash-credentials-title = Credenziali
dash-secret = Segreto
# $version is the secret's version number (1, 2, …).
dash-secret-version = versione { $version }, mostrato solo al momento della creazione
dash-previous-secret = Segreto precedente
# $until is a date and time.
dash-previous-verifies-until = valido per la verifica fino al { $until }
dash-new-secret-heading = Il nuovo segreto
dash-new-secret-copy = Copiarlo subito nelle impostazioni del negozio online: viene mostrato solo questa volta.
dash-rotate-heading = Rotazione del segreto
dash-rotate-text = Viene creato un nuovo segreto; quello attuale resta valido per la verifica durante il periodo di sovrapposizione scelto, così il negozio online può passare al nuovo senza pagamenti rifiutati. Le risposte e i callback vengono firmati con il segreto che ha firmato la rispettiva richiesta.
dash-rotate-previous-valid = Un segreto precedente è ancora valido: revocarlo prima di eseguire una nuova rotazione.
dash-overlap = Sovrapposizione, in secondi
dash-overlap-hint = Da 60 (1 minuto) a 604800 (7 giorni); 3600 è un'ora, 86400 un giorno.
dash-rotate-button = Ruota il segreto
dash-revoke-heading = Revoca il segreto precedente
dash-revoke-text = Quando il negozio online utilizza il nuovo segreto, è possibile terminare subito la sovrapposizione.
dash-revoke-button = Revoca il segreto precedente
dash-overlap-not-number = La sovrapposizione deve essere un numero di secondi.
dash-overlap-out-of-range = La sovrapposizione deve essere compresa tra 1 minuto e 7 giorni.
# $until is a date and time.
dash-previous-still-valid = Il segreto precedente è ancora valido (fino al { $until }); revocarlo prima di eseguire una nuova rotazione.
dash-no-valid-previous = Non esiste alcun segreto precedente ancora valido.
dash-no-such-merchant = Nessun esercente ha questo ID account.
dash-previous-revoked = Il segreto precedente non è più valido per la verifica.

## Settings

dash-settings-title = Impostazioni
dash-return-hosts = Host consentiti per gli URL di ritorno e di callback
dash-return-hosts-hint = Uno per riga: <code>shop.example.com</code>, oppure <code>*.shop.example.com</code> per i relativi sottodomini. Una richiesta di pagamento il cui x_url_complete, x_url_cancel o x_url_callback utilizza un altro host viene rifiutata. Se il campo è vuoto, è consentito qualsiasi host.
dash-frame-origins = Origini autorizzate a incorporare la pagina di pagamento
dash-frame-origins-hint = Una per riga, ad esempio <code>https://shop.example.com</code>. Le sessioni create con <code>ui_mode: embedded</code> e le pagine di pagamento aperte con <code>?embed=1</code> possono essere incorporate in un frame solo da queste origini.
dash-settings-button = Salva impostazioni
dash-settings-saved = Impostazioni salvate.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Nessuna modifica salvata: “{ $entry }” non è un nome host (lettere, cifre, trattini e punti, oppure *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Nessuna modifica salvata: “{ $entry }” non è un'origine come https://shop.example.com (https, senza percorso).
# $max is the most lines a list may have.
dash-settings-too-many = Nessuna modifica salvata: il numero massimo di voci è { $max }.

## The payments list

dash-payments-title = Pagamenti
dash-status = Stato
# The status filter's choice that filters nothing.
dash-status-any = Qualsiasi
dash-reference = Riferimento
dash-from = Dal (UTC)
dash-to = Al (UTC)
dash-filter-button = Filtra
dash-filter-clear = Reimposta
# $count is how many payments this page lists.
dash-payments-hint = Dal più recente, { $count ->
    [one] { $count } pagamento in questa pagina
   *[other] { $count } pagamenti in questa pagina
}. Gli importi sono espressi nella valuta di ciascun pagamento.
dash-col-reference = Riferimento
dash-col-amount = Importo
dash-col-card = Carta
dash-no-payments = Nessun pagamento corrispondente.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Altri pagamenti
dash-newest-page = Pagamenti più recenti
dash-older-page = Pagamenti meno recenti
dash-payments-bad-status = Impossibile elencare i pagamenti: stato sconosciuto.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Impossibile elencare i pagamenti: “Dal” deve essere un giorno come 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Impossibile elencare i pagamenti: “Al” deve essere un giorno come 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Pagamento { $reference }
dash-all-payments = Tutti i pagamenti
dash-amount = Importo
dash-type = Tipo
dash-card-label = Carta
dash-captured = Acquisito
dash-refunded = Rimborsato
dash-created = Data di creazione (UTC)
dash-gateway-reference = Riferimento del gateway
dash-payment-id = ID pagamento
dash-operations-heading = Acquisizione, rimborso o revoca
dash-operations-hint = Ogni operazione viene firmata, notificata all'URL di callback del negozio online e annotata nel registro di controllo.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Importo da acquisire, in { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = Al massimo { $max }, l'importo autorizzato non ancora acquisito.
dash-capture-button = Acquisisci
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Importo da rimborsare, in { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = Al massimo { $max }, l'importo acquisito non ancora rimborsato.
dash-refund-button = Rimborsa
dash-void-text = Rilascia l'intera autorizzazione: in seguito non sarà più possibile acquisirne alcuna parte.
dash-void-button = Revoca l'autorizzazione
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Non è possibile acquisire, rimborsare o revocare nulla mentre il pagamento è nello stato { $status }.
dash-done-capture = Acquisizione completata.
dash-done-refund = Rimborso completato.
dash-done-void = L'autorizzazione è stata revocata.
dash-done-resend = Il callback è in fase di reinvio.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Nessuna operazione eseguita: { $why }.
dash-timeline-heading = Cronologia
dash-callbacks-heading = Callback
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $result } per { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = A { $url }, messo in coda il { $queued }.
dash-callback-not-attempted = Non ancora tentato.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Tentativi del callback { $id }
dash-col-attempt = Tentativo
dash-col-answer = Risposta
dash-col-time-taken = Durata
dash-callback-resend = Reinvia il callback { $id }
dash-no-callbacks = Ancora nessun callback per questo pagamento.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Richiesta di pagamento ricevuta: { $amount }, { $type }, { $mode }
dash-event-page-shown = Pagina di pagamento mostrata per la prima volta
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Tentativo con carta { $attempt } ({ $brand } ···· { $last4 }): approvato
dash-event-charge-declined = Tentativo con carta { $attempt } ({ $brand } ···· { $last4 }): rifiutato
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Tentativo con carta { $attempt } ({ $brand } ···· { $last4 }): rifiutato — { $why }
dash-event-charge-pending = Tentativo con carta { $attempt } ({ $brand } ···· { $last4 }): in sospeso presso il processore di pagamento
dash-event-charge-challenge = Tentativo con carta { $attempt } ({ $brand } ···· { $last4 }): richiesta verifica 3-D Secure
dash-event-charge-error = Tentativo con carta { $attempt } ({ $brand } ···· { $last4 }): errore del processore di pagamento
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Tentativo con carta { $attempt } ({ $brand } ···· { $last4 }): errore del processore di pagamento — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = 3-D Secure del tentativo { $attempt } superato
dash-event-3ds-failed = 3-D Secure del tentativo { $attempt } non riuscito
dash-event-3ds-failed-why = 3-D Secure del tentativo { $attempt } non riuscito — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Esito: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Esito: { $result } — { $why }
dash-event-cancelled = Annullato dall'acquirente
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Acquisizione di { $amount } ({ $operation })
dash-event-refund = Rimborso di { $amount } ({ $operation })
dash-event-void = Revoca dell'autorizzazione ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } messo in coda ({ $result }) verso { $url }
dash-event-callback-operation = Callback { $id } messo in coda ({ $result } per { $operation }) verso { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, tentativo { $attempt }: HTTP { $status } in { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, tentativo { $attempt }: { $error } in { $ms } ms
dash-event-attempt-none = Callback { $callback }, tentativo { $attempt }: nessuna risposta in { $ms } ms

## Developers: API keys

dash-developers-title = Sviluppatori
dash-keys-heading = Chiavi API
dash-keys-hint = Il server chiama l'<a>API delle sessioni</a> con <code>Authorization: Bearer</code> e una di queste chiavi. Una chiave di test (<code>sk_test_…</code>) crea e visualizza solo pagamenti di prova. Di ogni chiave viene conservato solo un hash: la chiave viene mostrata una sola volta, al momento della creazione.
# $id is the key's id.
dash-new-key-heading-test = La nuova chiave API di test, { $id }
dash-new-key-heading-live = La nuova chiave API live, { $id }
dash-new-key-copy = Copiarla subito nella configurazione del server: non verrà più mostrata.
# The label of the table of keys, for screen readers.
dash-keys-label = Chiavi API
dash-col-id = ID
dash-col-key = Chiave
# $at is a date and time.
dash-key-revoked-at = revocata il { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = Revoca { $id }
dash-key-revoke = Revoca
dash-no-keys = Ancora nessuna chiave API.
dash-live-key = Una chiave live (<code>sk_live_…</code>)
dash-live-hint-test-only = Questo account accetta solo pagamenti di prova: una chiave live viene rifiutata finché l'account non viene abilitato ai pagamenti live.
dash-live-hint = Se non selezionata: una chiave di test, che non interviene mai su un pagamento live.
dash-key-button = Crea una chiave API
dash-key-live-refused = Questo account accetta solo pagamenti di prova, quindi una chiave live verrebbe rifiutata a ogni richiesta: non è stata creata alcuna chiave. Creare invece una chiave di test.
dash-key-not-found = La chiave API non è stata trovata tra le chiavi attive di questo account: non è stato revocato nulla.
dash-key-revoked = La chiave API è stata revocata: le richieste che la utilizzano ricevono 401.

## Developers: webhook endpoints

dash-webhooks-heading = Endpoint webhook
dash-webhooks-hint = Ogni evento viene inviato con POST, in formato JSON, agli endpoint che lo sottoscrivono, firmato secondo le specifiche Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) con il segreto dell'endpoint e ritentato finché il ricevitore non risponde con 2xx. Il segreto viene mostrato una sola volta, al momento della creazione.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = Il nuovo segreto di { $id }
dash-new-webhook-secret = Il segreto del nuovo endpoint, { $id }
dash-new-webhook-copy = Copiarlo subito nel ricevitore di webhook: non verrà più mostrato.
# $until is a date and time.
dash-new-webhook-previous = Fino al { $until } ogni consegna viene firmata anche con il segreto precedente.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Endpoint webhook
dash-col-endpoint = Endpoint
dash-col-events = Eventi
dash-col-secret = Segreto
dash-col-actions = Azioni
# $at is a date and time.
dash-endpoint-created = creato il { $at }
# $until is a date and time.
dash-endpoint-previous-until = segreto precedente valido fino al { $until }
dash-endpoint-one-secret = un solo segreto
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = tutti gli eventi (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Ruota il segreto di { $id }
dash-endpoint-rotate = Ruota il segreto
dash-endpoint-delete-label = Elimina { $id }
dash-endpoint-delete = Elimina
dash-no-endpoints = Ancora nessun endpoint webhook.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Consegne più recenti a { $id }
dash-deliveries-none = Ancora nessun invio a questo endpoint.
dash-col-event-payment = Evento e pagamento
dash-col-last-answer = Ultima risposta
dash-col-action = Azione
# $payment is the payment's id, linked to its page.
dash-delivery-payment = pagamento { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } tentativo
   *[other] { $count } tentativi
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Invia di nuovo: consegna { $id }, { $event }
dash-delivery-resend = Invia di nuovo
dash-webhook-form-heading = Aggiungi un endpoint
dash-webhook-url = URL dell'endpoint
dash-webhook-url-hint = L'indirizzo su cui è in ascolto il ricevitore: un URL https su un host pubblico, sulla porta predefinita.
dash-events-legend = Eventi da inviare
dash-events-hint = “Tutti gli eventi” include anche i tipi aggiunti in futuro.
dash-events-all = Tutti gli eventi (<code>*</code>)
dash-webhook-button = Aggiungi l'endpoint
dash-webhook-url-missing = Inserire l'URL su cui è in ascolto il ricevitore di webhook.
# $max is a number of characters.
dash-webhook-url-too-long = L'URL può contenere al massimo { $max } caratteri.
dash-webhook-url-not-https = L'URL deve essere un URL https assoluto.
dash-webhook-url-bad-characters = L'URL non deve contenere spazi, barre rovesciate o caratteri di controllo.
dash-webhook-url-userinfo = L'URL non deve contenere un nome utente o una password.
dash-webhook-url-private = L'URL deve indicare un host pubblico.
dash-webhook-url-port = L'URL deve utilizzare la porta predefinita.
dash-webhook-url-bad-host = Il nome host dell'URL non è un nome DNS valido.
dash-webhook-events-missing = Scegliere almeno un evento, oppure tutti gli eventi.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = “{ $event }” non è un tipo di evento; i tipi disponibili sono: { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = Questo account ha già { $max } endpoint, il numero massimo consentito: eliminarne prima uno.
dash-webhook-not-saved = Nessuna modifica salvata: correggere il modulo qui sotto.
dash-webhook-not-found = Nessun endpoint o consegna corrispondente tra quelli di questo account: non è stata eseguita alcuna operazione.
dash-endpoint-deleted = L'endpoint è stato eliminato: non gli verrà più inviato nulla.
dash-delivery-resent = La consegna è in fase di reinvio.

## Developers: callback delivery

dash-delivery-heading = Consegna dei callback, ultime 24 ore
dash-delivery-warning = L'endpoint di callback del negozio online restituisce errori o è lento: i callback vengono ritentati e quelli che esauriscono i tentativi vengono abbandonati.
dash-delivery-attempts-label = Tentativi
dash-delivery-answered = Risposte 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate }%
dash-delivery-no-attempts = nessun tentativo
dash-delivery-answer-time = Tempo di risposta
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = mediana { $p50 }, 95° percentile { $p95 }
dash-delivery-waiting-label = In attesa
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, il meno recente creato { $age ->
    [one] { $age } secondo
   *[other] { $age } secondi
} fa
dash-delivery-waiting-minutes = { $waiting }, il meno recente creato { $age ->
    [one] { $age } minuto
   *[other] { $age } minuti
} fa
dash-delivery-waiting-hours = { $waiting }, il meno recente creato { $age ->
    [one] { $age } ora
   *[other] { $age } ore
} fa
dash-delivery-waiting-days = { $waiting }, il meno recente creato { $age ->
    [one] { $age } giorno
   *[other] { $age } giorni
} fa
dash-delivery-gave-up-label = Abbandonati
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Reinvia il callback abbandonato
   *[other] Reinvia i { $count } callback abbandonati
}
dash-resent-none = Nessun callback era stato abbandonato: non è stato inviato nulla.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] Reinvio di { $count } callback in corso.
   *[other] Reinvio di { $count } callback in corso.
}

## Developers: refused signatures

dash-rejections-heading = Firme rifiutate
dash-rejections-hint = Richieste degli ultimi 7 giorni la cui firma non ha superato la verifica (al massimo 100), con l'errore più probabile commesso dal negozio online. Vengono conservati solo i nomi dei campi, mai i valori.
dash-col-path = Percorso
dash-col-diagnosis = Diagnosi
dash-col-fields = Campi inviati
dash-no-rejections = Nessuna firma rifiutata negli ultimi 7 giorni.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Firmare con il segreto attuale; quello utilizzato è scaduto o è stato revocato.
dash-diagnosis-non-x-fields-included = Firmare solo i campi il cui nome inizia con x_.
dash-diagnosis-signature-field-included = Escludere il campo x_signature stesso dal messaggio firmato.
dash-diagnosis-unsorted-fields = Prima di firmare, ordinare i campi per nome in ordine di byte.
dash-diagnosis-separators-used = Inserire ogni valore subito dopo il relativo nome e ogni coppia subito dopo la precedente, senza = o & tra di essi.
dash-diagnosis-encoded-values = Firmare i valori decodificati dei campi, non la loro forma con codifica percentuale.
dash-diagnosis-empty-fields-dropped = Includere i campi x_ inviati con un valore vuoto, indicandone solo il nome.
dash-diagnosis-wrong-algorithm = Firmare con HMAC-SHA256 usando il segreto come chiave e inviare il digest esadecimale.
dash-diagnosis-secret-decoded = Usare come chiave HMAC il testo del segreto esattamente come fornito, senza decodificarlo da esadecimale o base64.
dash-diagnosis-unknown = Firmare ogni campo x_ tranne x_signature, ordinati per nome, ciascun nome seguito dal relativo valore, con HMAC-SHA256 e il segreto attuale.

## Error pages

dash-error-heading = Impossibile eseguire l'operazione
dash-error-malformed = La richiesta non è formattata correttamente.
dash-error-not-found = Questa pagina non esiste.
dash-error-conflict = Nel frattempo è stato modificato qualcosa. Ricaricare la pagina e riprovare.
dash-error-too-large = Il modulo è troppo grande.
dash-error-timeout = La richiesta ha impiegato troppo tempo ad arrivare.
dash-error-rate-limited = Troppe richieste da qui in poco tempo. Attendere un momento e riprovare.
dash-error-deadline = La risposta ha richiesto troppo tempo. Prima di riprovare, ricaricare la pagina per verificare se la modifica è stata applicata.
dash-error-unsupported = La richiesta deve essere inviata come modulo.
dash-error-invalid = Il modulo contiene un valore non valido.
dash-error-forbidden = Questo modulo non è stato inviato da questa dashboard, quindi non è stato modificato nulla.
dash-error-unexpected = Si è verificato un errore da parte nostra. Riprovare tra qualche istante.
dash-error-other = Impossibile elaborare questa richiesta.
dash-error-detail = Dettagli per gli sviluppatori
dash-error-field = Campo
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Riferimento per l'assistenza: { $id }
dash-error-back = Torna alla dashboard
