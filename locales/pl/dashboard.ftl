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
dash-title-suffix = Panel Offsite Gateway
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Panel
dash-nav-overview = Przegląd
dash-nav-payments = Płatności
dash-nav-credentials = Dane uwierzytelniające
dash-nav-settings = Ustawienia
dash-nav-developers = Dla programistów
dash-nav-password = Hasło
dash-logout = Wyloguj się
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = Identyfikator konta
dash-mode = Tryb
# A payment's or a key's mode.
dash-mode-test = testowy
dash-mode-live = produkcyjny
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = sprzedaż
dash-type-authorization = autoryzacja
# A payment's status, beside or instead of its protocol code.
dash-status-open = otwarta
dash-status-challenge = weryfikacja 3-D Secure
dash-status-pending = oczekująca
dash-status-authorized = autoryzowana
dash-status-captured = środki pobrane
dash-status-failed = nieudana
dash-status-cancelled = anulowana
dash-status-voided = autoryzacja anulowana
dash-status-expired = wygasła
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = brak odpowiedzi
dash-answer-not-attempted = jeszcze nie podjęto próby
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Kiedy (UTC)
dash-col-created = Utworzono (UTC)
dash-col-from = Źródło
dash-col-status = Status
dash-col-mode = Tryb
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Karta została odrzucona.
dash-reason-insufficient-funds = Niewystarczające środki.
dash-reason-error = Nie udało się przetworzyć płatności.
dash-reason-challenge-failed = Uwierzytelnianie 3-D Secure nie powiodło się.
dash-test-only-note = To konto przyjmuje wyłącznie płatności testowe (x_test=true): ta bramka nie ma procesora płatności w trybie produkcyjnym, dlatego x_test=false jest odrzucane z kodem live_mode_unavailable i żadne środki nie są pobierane.

## Logging in, the setup link, passwords

dash-login-title = Logowanie
dash-login-heading = Logowanie do panelu
dash-email = E-mail
dash-password = Hasło
dash-login-button = Zaloguj się
dash-login-lost = Zapomniane hasło? Nowy link konfiguracyjny można uzyskać od operatora bramki.
dash-login-welcome = Hasło zostało ustawione. Można się nim teraz zalogować.
dash-login-ended = Wylogowano.
dash-login-invalid = Nieprawidłowy e-mail lub hasło.
# $minutes is how long the login stays locked.
dash-login-locked = Zbyt wiele nieudanych prób logowania. Proszę odczekać { $minutes ->
    [one] { $minutes } minutę
    [few] { $minutes } minuty
    [many] { $minutes } minut
   *[other] { $minutes } minuty
} i spróbować ponownie.
dash-setup-title = Ustawianie hasła
# $email is the user's email address, in bold.
dash-setup-for = Dla { $email }. Ten link działa tylko raz.
dash-setup-button = Ustaw hasło
dash-link-gone-heading = Ten link nie działa
dash-link-gone = Link konfiguracyjny wygasł lub został już użyty. Nowy można uzyskać od operatora bramki.
dash-go-to-login = Przejdź do strony logowania
dash-new-password = Nowe hasło
dash-new-password-hint = Co najmniej 12 znaków.
dash-new-password-again = Powtórz nowe hasło
dash-password-mismatch = Podane hasła nie są takie same.
dash-password-too-short = Hasło musi mieć co najmniej 12 znaków.
dash-password-too-long = Hasło jest za długie.
dash-password-title = Hasło
dash-password-heading = Zmiana hasła
dash-password-sessions = Po zmianie hasła pozostałe sesje zostaną zakończone.
dash-current-password = Obecne hasło
dash-password-button = Zmień hasło
dash-password-wrong = Obecne hasło jest nieprawidłowe.
dash-password-changed = Hasło zostało zmienione; pozostałe sesje zostały zakończone.

## The overview

dash-overview-title = Przegląd
dash-mode-test-only = tylko płatności testowe
dash-mode-test-and-live = płatności testowe i produkcyjne
dash-audit-heading = Dziennik audytu
dash-audit-hint = Wszystkie zdarzenia tego konta dotyczące danych uwierzytelniających, ustawień i logowania, od najnowszych.
dash-col-event = Zdarzenie
dash-col-who = Kto
dash-col-detail = Szczegóły

## Credentials

dash-credentials-title = Dane uwierzytelniające
dash-secret = Sekret
# $version is the secret's version number (1, 2, …).
dash-secret-version = wersja { $version }, wyświetlana tylko przy utworzeniu
dash-previous-secret = Poprzedni sekret
# $until is a date and time.
dash-previous-verifies-until = weryfikuje podpisy do { $until }
dash-new-secret-heading = Nowy sekret
dash-new-secret-copy = Proszę od razu skopiować go do ustawień sklepu internetowego: jest wyświetlany tylko ten jeden raz.
dash-rotate-heading = Rotacja sekretu
dash-rotate-text = Zostanie utworzony nowy sekret; bieżący nadal będzie weryfikował podpisy przez wybrany okres przejściowy, dzięki czemu sklep internetowy może przejść na nowy sekret bez odrzuconych płatności. Odpowiedzi i callbacki są podpisywane tym sekretem, którym podpisano dane żądanie.
dash-rotate-previous-valid = Poprzedni sekret jest nadal ważny: przed ponowną rotacją należy go unieważnić.
dash-overlap = Okres przejściowy, w sekundach
dash-overlap-hint = Od 60 (1 minuta) do 604800 (7 dni); 3600 to godzina, 86400 to doba.
dash-rotate-button = Wykonaj rotację sekretu
dash-revoke-heading = Unieważnienie poprzedniego sekretu
dash-revoke-text = Gdy sklep internetowy używa już nowego sekretu, można od razu zakończyć okres przejściowy.
dash-revoke-button = Unieważnij poprzedni sekret
dash-overlap-not-number = Okres przejściowy musi być liczbą sekund.
dash-overlap-out-of-range = Okres przejściowy musi wynosić od 1 minuty do 7 dni.
# $until is a date and time.
dash-previous-still-valid = Poprzedni sekret jest nadal ważny (do { $until }); przed ponowną rotacją należy go unieważnić.
dash-no-valid-previous = Nie ma poprzedniego sekretu, który byłby nadal ważny.
dash-no-such-merchant = Żaden sprzedawca nie ma tego identyfikatora konta.
dash-previous-revoked = Poprzedni sekret nie weryfikuje już podpisów.

## Settings

dash-settings-title = Ustawienia
dash-return-hosts = Dozwolone hosty adresów URL powrotu i callbacku
dash-return-hosts-hint = Jeden w wierszu: <code>shop.example.com</code> lub <code>*.shop.example.com</code> dla jego subdomen. Żądanie płatności, którego x_url_complete, x_url_cancel lub x_url_callback używa innego hosta, jest odrzucane. Puste pole dopuszcza dowolny host.
dash-frame-origins = Źródła (origin), które mogą osadzać stronę płatności
dash-frame-origins-hint = Jedno w wierszu, np. <code>https://shop.example.com</code>. Sesje utworzone z <code>ui_mode: embedded</code> oraz strony płatności otwarte z <code>?embed=1</code> mogą być osadzane w ramce wyłącznie przez te źródła.
dash-settings-button = Zapisz ustawienia
dash-settings-saved = Ustawienia zostały zapisane.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Nic nie zostało zapisane: „{ $entry }” nie jest nazwą hosta (litery, cyfry, łączniki i kropki lub *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Nic nie zostało zapisane: „{ $entry }” nie jest źródłem w postaci https://shop.example.com (https, bez ścieżki).
# $max is the most lines a list may have.
dash-settings-too-many = Nic nie zostało zapisane: maksymalna liczba wpisów to { $max }.

## The payments list

dash-payments-title = Płatności
dash-status = Status
# The status filter's choice that filters nothing.
dash-status-any = Dowolny
dash-reference = Numer referencyjny
dash-from = Od (UTC)
dash-to = Do (UTC)
dash-filter-button = Filtruj
dash-filter-clear = Wyczyść
# $count is how many payments this page lists.
dash-payments-hint = Od najnowszych, { $count ->
    [one] { $count } płatność na tej stronie
    [few] { $count } płatności na tej stronie
    [many] { $count } płatności na tej stronie
   *[other] { $count } płatności na tej stronie
}. Kwoty są podane w walucie danej płatności.
dash-col-reference = Numer referencyjny
dash-col-amount = Kwota
dash-col-card = Karta
dash-no-payments = Brak pasujących płatności.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Więcej płatności
dash-newest-page = Najnowsze płatności
dash-older-page = Starsze płatności
dash-payments-bad-status = Nie wyświetlono listy: nieznany status.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Nie wyświetlono listy: pole Od musi zawierać dzień w postaci 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Nie wyświetlono listy: pole Do musi zawierać dzień w postaci 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Płatność { $reference }
dash-all-payments = Wszystkie płatności
dash-amount = Kwota
dash-type = Typ
dash-card-label = Karta
dash-captured = Pobrano
dash-refunded = Zwrócono
dash-created = Utworzono (UTC)
dash-gateway-reference = Numer referencyjny bramki
dash-payment-id = Identyfikator płatności
dash-operations-heading = Pobranie środków, zwrot lub anulowanie autoryzacji
dash-operations-hint = Każda operacja jest podpisywana, zgłaszana na adres URL callbacku sklepu internetowego i zapisywana w dzienniku audytu.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Kwota do pobrania, w walucie { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = Maksymalnie { $max }: autoryzowana kwota, która nie została jeszcze pobrana.
dash-capture-button = Pobierz środki
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Kwota do zwrotu, w walucie { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = Maksymalnie { $max }: pobrana kwota, która nie została jeszcze zwrócona.
dash-refund-button = Zwróć
dash-void-text = Zwolnienie całej autoryzacji: później nie będzie można pobrać żadnej jej części.
dash-void-button = Anuluj autoryzację
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Nie można pobrać środków, dokonać zwrotu ani anulować autoryzacji, gdy płatność ma status { $status }.
dash-done-capture = Środki zostały pobrane.
dash-done-refund = Zwrot został wykonany.
dash-done-void = Autoryzacja została anulowana.
dash-done-resend = Callback jest wysyłany ponownie.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Nic nie zostało wykonane: { $why }.
dash-timeline-heading = Oś czasu
dash-callbacks-heading = Callbacki
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $result } dla { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = Do { $url }, dodany do kolejki { $queued }.
dash-callback-not-attempted = Jeszcze nie podjęto próby.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Próby callbacku { $id }
dash-col-attempt = Próba
dash-col-answer = Odpowiedź
dash-col-time-taken = Czas trwania
dash-callback-resend = Wyślij ponownie callback { $id }
dash-no-callbacks = Brak callbacków dla tej płatności.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Otrzymano żądanie płatności: { $amount }, { $type }, { $mode }
dash-event-page-shown = Pierwsze wyświetlenie strony płatności
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Próba płatności kartą { $attempt } ({ $brand } ···· { $last4 }): zatwierdzona
dash-event-charge-declined = Próba płatności kartą { $attempt } ({ $brand } ···· { $last4 }): odrzucona
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Próba płatności kartą { $attempt } ({ $brand } ···· { $last4 }): odrzucona — { $why }
dash-event-charge-pending = Próba płatności kartą { $attempt } ({ $brand } ···· { $last4 }): oczekuje w procesorze płatności
dash-event-charge-challenge = Próba płatności kartą { $attempt } ({ $brand } ···· { $last4 }): wymagana weryfikacja 3-D Secure
dash-event-charge-error = Próba płatności kartą { $attempt } ({ $brand } ···· { $last4 }): błąd procesora płatności
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Próba płatności kartą { $attempt } ({ $brand } ···· { $last4 }): błąd procesora płatności — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = Uwierzytelnianie 3-D Secure w próbie { $attempt } zakończone powodzeniem
dash-event-3ds-failed = Uwierzytelnianie 3-D Secure w próbie { $attempt } nie powiodło się
dash-event-3ds-failed-why = Uwierzytelnianie 3-D Secure w próbie { $attempt } nie powiodło się — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Wynik: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Wynik: { $result } — { $why }
dash-event-cancelled = Anulowana przez kupującego
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Pobranie środków: { $amount } ({ $operation })
dash-event-refund = Zwrot: { $amount } ({ $operation })
dash-event-void = Anulowanie autoryzacji ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } dodany do kolejki ({ $result }), adres: { $url }
dash-event-callback-operation = Callback { $id } dodany do kolejki ({ $result } dla { $operation }), adres: { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, próba { $attempt }: HTTP { $status } po { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, próba { $attempt }: { $error } po { $ms } ms
dash-event-attempt-none = Callback { $callback }, próba { $attempt }: brak odpowiedzi po { $ms } ms

## Developers: API keys

dash-developers-title = Dla programistów
dash-keys-heading = Klucze API
dash-keys-hint = Serwer wywołuje <a>API sesji</a> z nagłówkiem <code>Authorization: Bearer</code> i jednym z tych kluczy. Klucz testowy (<code>sk_test_…</code>) tworzy i widzi wyłącznie płatności testowe. Przechowywany jest tylko skrót (hash) klucza: klucz jest wyświetlany raz, przy jego utworzeniu.
# $id is the key's id.
dash-new-key-heading-test = Nowy testowy klucz API, { $id }
dash-new-key-heading-live = Nowy produkcyjny klucz API, { $id }
dash-new-key-copy = Proszę od razu skopiować go do konfiguracji serwera: nie zostanie wyświetlony ponownie.
# The label of the table of keys, for screen readers.
dash-keys-label = Klucze API
dash-col-id = Identyfikator
dash-col-key = Klucz
# $at is a date and time.
dash-key-revoked-at = unieważniony { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = Unieważnij { $id }
dash-key-revoke = Unieważnij
dash-no-keys = Brak kluczy API.
dash-live-key = Klucz produkcyjny (<code>sk_live_…</code>)
dash-live-hint-test-only = To konto przyjmuje wyłącznie płatności testowe: klucz produkcyjny będzie odrzucany, dopóki konto nie zostanie dopuszczone do płatności produkcyjnych.
dash-live-hint = Niezaznaczone: klucz testowy, który nigdy nie ma wpływu na płatności produkcyjne.
dash-key-button = Utwórz klucz API
dash-key-live-refused = To konto przyjmuje wyłącznie płatności testowe, więc klucz produkcyjny byłby odrzucany przy każdym żądaniu: nie utworzono klucza. Zamiast tego można utworzyć klucz testowy.
dash-key-not-found = Nie znaleziono tego klucza API wśród aktywnych kluczy tego konta: nic nie zostało unieważnione.
dash-key-revoked = Klucz API został unieważniony: żądanie z tym kluczem otrzyma odpowiedź 401.

## Developers: webhook endpoints

dash-webhooks-heading = Endpointy webhooków
dash-webhooks-hint = Każde zdarzenie jest wysyłane metodą POST jako JSON do endpointów, które je subskrybują, podpisane zgodnie ze specyfikacją Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) sekretem endpointu i ponawiane, dopóki odbiornik nie odpowie kodem 2xx. Sekret jest wyświetlany raz, przy jego utworzeniu.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = Nowy sekret endpointu { $id }
dash-new-webhook-secret = Sekret nowego endpointu { $id }
dash-new-webhook-copy = Proszę od razu skopiować go do odbiornika webhooków: nie zostanie wyświetlony ponownie.
# $until is a date and time.
dash-new-webhook-previous = Do { $until } każde dostarczenie jest podpisywane także poprzednim sekretem.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Endpointy webhooków
dash-col-endpoint = Endpoint
dash-col-events = Zdarzenia
dash-col-secret = Sekret
dash-col-actions = Działania
# $at is a date and time.
dash-endpoint-created = utworzony { $at }
# $until is a date and time.
dash-endpoint-previous-until = poprzedni sekret ważny do { $until }
dash-endpoint-one-secret = jeden sekret
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = wszystkie zdarzenia (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Wykonaj rotację sekretu endpointu { $id }
dash-endpoint-rotate = Wykonaj rotację sekretu
dash-endpoint-delete-label = Usuń { $id }
dash-endpoint-delete = Usuń
dash-no-endpoints = Brak endpointów webhooków.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Najnowsze dostarczenia do { $id }
dash-deliveries-none = Jeszcze nic do niego nie wysłano.
dash-col-event-payment = Zdarzenie i płatność
dash-col-last-answer = Ostatnia odpowiedź
dash-col-action = Działanie
# $payment is the payment's id, linked to its page.
dash-delivery-payment = płatność { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } próba
    [few] { $count } próby
    [many] { $count } prób
   *[other] { $count } próby
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Wyślij ponownie: dostarczenie { $id }, { $event }
dash-delivery-resend = Wyślij ponownie
dash-webhook-form-heading = Dodawanie endpointu
dash-webhook-url = Adres URL endpointu
dash-webhook-url-hint = Adres, na którym nasłuchuje odbiornik: adres URL https na publicznym hoście, na domyślnym porcie.
dash-events-legend = Zdarzenia do wysyłania
dash-events-hint = Opcja „Wszystkie zdarzenia” obejmuje również typy dodane w przyszłości.
dash-events-all = Wszystkie zdarzenia (<code>*</code>)
dash-webhook-button = Dodaj endpoint
dash-webhook-url-missing = Proszę podać adres URL, na którym nasłuchuje odbiornik webhooków.
# $max is a number of characters.
dash-webhook-url-too-long = Adres URL nie może przekraczać { $max } znaków.
dash-webhook-url-not-https = Adres URL musi być bezwzględnym adresem https.
dash-webhook-url-bad-characters = Adres URL nie może zawierać spacji, ukośników odwrotnych ani znaków sterujących.
dash-webhook-url-userinfo = Adres URL nie może zawierać nazwy użytkownika ani hasła.
dash-webhook-url-private = Adres URL musi wskazywać publiczny host.
dash-webhook-url-port = Adres URL musi używać domyślnego portu.
dash-webhook-url-bad-host = Nazwa hosta w adresie URL nie jest prawidłową nazwą DNS.
dash-webhook-events-missing = Proszę wybrać co najmniej jedno zdarzenie lub wszystkie zdarzenia.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = „{ $event }” nie jest typem zdarzenia; dostępne typy: { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = To konto ma już maksymalną liczbę endpointów ({ $max }): najpierw należy usunąć jeden z nich.
dash-webhook-not-saved = Nic nie zostało zapisane: proszę poprawić poniższy formularz.
dash-webhook-not-found = Nie znaleziono tego endpointu ani dostarczenia wśród należących do tego konta: nic nie zostało wykonane.
dash-endpoint-deleted = Endpoint został usunięty: nic więcej nie zostanie do niego wysłane.
dash-delivery-resent = Dostarczenie jest wysyłane ponownie.

## Developers: callback delivery

dash-delivery-heading = Dostarczanie callbacków, ostatnie 24 godziny
dash-delivery-warning = Endpoint callbacków sklepu internetowego zwraca błędy lub działa wolno: callbacki są ponawiane, a te, którym skończą się próby, zostają porzucone.
dash-delivery-attempts-label = Próby
dash-delivery-answered = Odpowiedzi 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate }%
dash-delivery-no-attempts = brak prób
dash-delivery-answer-time = Czas odpowiedzi
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = mediana { $p50 }, 95. percentyl { $p95 }
dash-delivery-waiting-label = Oczekujące
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, najstarszy utworzony { $age ->
    [one] { $age } sekundę
    [few] { $age } sekundy
    [many] { $age } sekund
   *[other] { $age } sekundy
} temu
dash-delivery-waiting-minutes = { $waiting }, najstarszy utworzony { $age ->
    [one] { $age } minutę
    [few] { $age } minuty
    [many] { $age } minut
   *[other] { $age } minuty
} temu
dash-delivery-waiting-hours = { $waiting }, najstarszy utworzony { $age ->
    [one] { $age } godzinę
    [few] { $age } godziny
    [many] { $age } godzin
   *[other] { $age } godziny
} temu
dash-delivery-waiting-days = { $waiting }, najstarszy utworzony { $age ->
    [one] { $age } dzień
    [few] { $age } dni
    [many] { $age } dni
   *[other] { $age } dnia
} temu
dash-delivery-gave-up-label = Porzucone
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Wyślij ponownie porzucony callback
    [few] Wyślij ponownie { $count } porzucone callbacki
    [many] Wyślij ponownie { $count } porzuconych callbacków
   *[other] Wyślij ponownie porzucone callbacki ({ $count })
}
dash-resent-none = Żaden callback nie został porzucony: nic nie wysłano.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } callback jest wysyłany ponownie.
    [few] { $count } callbacki są wysyłane ponownie.
    [many] { $count } callbacków jest wysyłanych ponownie.
   *[other] Ponownie wysyłane callbacki: { $count }.
}

## Developers: refused signatures

dash-rejections-heading = Odrzucone podpisy
dash-rejections-hint = Żądania z ostatnich 7 dni, których podpis nie przeszedł weryfikacji (maksymalnie 100), wraz z najbardziej prawdopodobnym błędem sklepu internetowego. Przechowywane są tylko nazwy pól, nigdy wartości.
dash-col-path = Ścieżka
dash-col-diagnosis = Diagnoza
dash-col-fields = Wysłane pola
dash-no-rejections = Brak odrzuconych podpisów w ciągu ostatnich 7 dni.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Należy podpisywać bieżącym sekretem; użyty sekret wygasł lub został unieważniony.
dash-diagnosis-non-x-fields-included = Należy podpisywać tylko pola, których nazwy zaczynają się od x_.
dash-diagnosis-signature-field-included = Należy pominąć samo pole x_signature w podpisywanej wiadomości.
dash-diagnosis-unsorted-fields = Przed podpisaniem należy posortować pola według nazwy, w kolejności bajtów.
dash-diagnosis-separators-used = Każdą wartość należy umieścić bezpośrednio po jej nazwie, a każdą parę bezpośrednio po poprzedniej, bez = ani & między nimi.
dash-diagnosis-encoded-values = Należy podpisywać zdekodowane wartości pól, a nie ich postać zakodowaną procentowo.
dash-diagnosis-empty-fields-dropped = Należy uwzględnić pola x_ wysyłane z pustą wartością, w postaci samej nazwy.
dash-diagnosis-wrong-algorithm = Należy podpisywać algorytmem HMAC-SHA256 z sekretem jako kluczem i wysyłać skrót w postaci szesnastkowej.
dash-diagnosis-secret-decoded = Jako klucza HMAC należy użyć tekstu sekretu dokładnie w podanej postaci, bez dekodowania go z hex ani base64.
dash-diagnosis-unknown = Należy podpisać każde pole x_ oprócz x_signature, posortowane według nazwy, każdą nazwę z następującą po niej wartością, algorytmem HMAC-SHA256 z bieżącym sekretem.

## Error pages

dash-error-heading = Nie można tego wykonać
dash-error-malformed = Żądanie ma nieprawidłową strukturę.
dash-error-not-found = Ta strona nie istnieje.
dash-error-conflict = W tym samym czasie coś się zmieniło. Proszę odświeżyć stronę i spróbować ponownie.
dash-error-too-large = Formularz jest zbyt duży.
dash-error-timeout = Przesyłanie żądania trwało zbyt długo.
dash-error-rate-limited = Zbyt wiele żądań z tego miejsca w krótkim czasie. Proszę chwilę poczekać i spróbować ponownie.
dash-error-deadline = Odpowiedź trwała zbyt długo. Przed ponowną próbą proszę odświeżyć stronę i sprawdzić, czy zmiana została wprowadzona.
dash-error-unsupported = Żądanie musi zostać wysłane jako formularz.
dash-error-invalid = Formularz zawiera nieprawidłową wartość.
dash-error-forbidden = Ten formularz nie został wysłany z tego panelu, więc nic nie zostało zmienione.
dash-error-unexpected = Wystąpił błąd po naszej stronie. Proszę spróbować ponownie za chwilę.
dash-error-other = Nie można przetworzyć tego żądania.
dash-error-detail = Szczegóły dla programistów
dash-error-field = Pole
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Numer referencyjny dla pomocy technicznej: { $id }
dash-error-back = Powrót do panelu
