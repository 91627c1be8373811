# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Tryb testowy: żadne prawdziwe pieniądze nie są przesyłane, a to konto przyjmuje wyłącznie płatności testowe. Można użyć karty 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Płatność dla sklepu { $shop }
amount-label = Kwota
description-label = Opis
reference-label = Zamówienie
card-heading = Dane karty
cardholder-name = Imię i nazwisko na karcie
card-number = Numer karty
card-number-hint = Długi numer na przedniej stronie karty.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Rodzaj karty: { $brand }
card-expiry = Data ważności
card-expiry-hint = MM/RR, na przykład 04/29.
card-cvc = Kod zabezpieczający
card-cvc-hint = 3 cyfry na odwrocie lub 4 na przedniej stronie kart American Express.
card-cvc-hint-amex = 4 cyfry na przedniej stronie karty.
card-cvc-hint-other = 3 cyfry na odwrocie karty.
# $amount is the formatted amount with its currency.
pay-button = Zapłać { $amount }
cancel-link = Anuluj i wróć do sklepu { $shop }
fix-fields = Proszę poprawić pola oznaczone poniżej.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } Można spróbować ponownie lub użyć innej karty ({ $left ->
    [one] pozostała { $left } próba
    [few] pozostały { $left } próby
    [many] pozostało { $left } prób
   *[other] pozostało { $left } próby
}).
holder-missing = Proszę wpisać imię i nazwisko widoczne na karcie.
number-missing = Proszę wpisać numer karty.
number-invalid = Ten numer karty jest nieprawidłowy. Proszę go sprawdzić i spróbować ponownie.
expiry-missing = Proszę wpisać datę ważności.
expiry-format = Proszę wpisać datę ważności w formacie MM/RR.
expiry-past = Ta karta straciła ważność.
cvc-missing = Proszę wpisać kod zabezpieczający.
cvc-format = Kod zabezpieczający składa się z 3 cyfr (4 w przypadku American Express).
cvc-format-amex = Kod zabezpieczający karty American Express to 4 cyfry na jej przedniej stronie.
cvc-format-other = Kod zabezpieczający to 3 cyfry na odwrocie karty.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Karta
decline-declined = Karta została odrzucona.
decline-insufficient-funds = Niewystarczające środki.
decline-error = Nie udało się przetworzyć płatności.
decline-challenge-failed = Uwierzytelnianie 3-D Secure nie powiodło się.
challenge-heading = Potwierdzenie płatności
challenge-text = Wydawca karty prosi o potwierdzenie tej płatności (symulacja 3-D Secure).
challenge-approve = Zatwierdź płatność
challenge-deny = Odrzuć
outcome-completed = Płatność zakończona. Dziękujemy!
outcome-authorized = Płatność została autoryzowana. Sklep pobierze środki po wysłaniu zamówienia.
outcome-pending = Płatność została przyjęta i oczekuje na potwierdzenie. Sklep zostanie powiadomiony po jej zakończeniu.
outcome-failed = Płatność nie powiodła się.
outcome-cancelled = Płatność została anulowana.
outcome-voided = Autoryzacja została anulowana, a blokada środków zwolniona; nic nie zostało pobrane.
outcome-expired = Ta płatność wygasła przed jej opłaceniem; nic nie zostało pobrane.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Karta: { $brand } zakończona cyframi { $last4 }
return-link = Wróć do sklepu { $shop }
error-heading = Nie można przetworzyć tego żądania płatności
error-field = Pole
error-detail = Szczegóły dla programisty sklepu
error-next = Proszę wrócić do sklepu i spróbować ponownie. Jeśli problem będzie się powtarzał, prosimy o kontakt ze sklepem.
# Before the request id on an error page: what to quote to support.
error-request-id = Numer referencyjny dla pomocy technicznej
error-malformed = Żądanie płatności ma nieprawidłową strukturę.
error-signature = Podpis żądania płatności jest nieprawidłowy.
error-unknown-account = Ta bramka płatności nie rozpoznaje konta sklepu.
error-not-found = Ta strona nie istnieje.
error-conflict = Dla tego zamówienia istnieje już inna płatność.
error-too-large = Żądanie płatności jest zbyt duże.
error-timeout = Przesyłanie żądania trwało zbyt długo.
error-rate-limited = Zbyt wiele żądań z tego miejsca w krótkim czasie. Proszę chwilę poczekać i spróbować ponownie.
error-deadline = Odpowiedź trwała zbyt długo. Jeśli trwała płatność, przed ponowną zapłatą proszę ponownie otworzyć stronę płatności i sprawdzić, czy płatność została zrealizowana.
error-unsupported = Żądanie płatności musi zostać wysłane jako formularz.
error-invalid = Żądanie płatności zawiera nieprawidłową wartość.
error-forbidden = Ten formularz nie został wysłany z tej strony płatności.
error-live-mode = Ta bramka przyjmuje wyłącznie płatności testowe: prawdziwe płatności nie są jeszcze możliwe.
error-unexpected = Wystąpił błąd po naszej stronie. Proszę spróbować ponownie za chwilę.
index-heading = offsite-gateway
index-text = Hostowana bramka płatności dla platform sklepów internetowych, obsługująca protokół offsite x_.
