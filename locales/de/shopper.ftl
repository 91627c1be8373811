# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Testmodus: Es wird kein echtes Geld bewegt, und dieses Konto akzeptiert nur Testzahlungen. Verwenden Sie die Testkarte 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Zahlung an { $shop }
amount-label = Betrag
description-label = Beschreibung
reference-label = Bestellung
card-heading = Kartendaten
cardholder-name = Name auf der Karte
card-number = Kartennummer
card-number-hint = Die lange Nummer auf der Vorderseite Ihrer Karte.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Kartentyp: { $brand }
card-expiry = Ablaufdatum
card-expiry-hint = MM/JJ, zum Beispiel 04/29.
card-cvc = Sicherheitscode
card-cvc-hint = 3 Ziffern auf der Rückseite oder 4 auf der Vorderseite bei Karten von American Express.
card-cvc-hint-amex = 4 Ziffern auf der Vorderseite der Karte.
card-cvc-hint-other = 3 Ziffern auf der Rückseite der Karte.
# $amount is the formatted amount with its currency.
pay-button = { $amount } bezahlen
cancel-link = Abbrechen und zurück zu { $shop }
fix-fields = Bitte korrigieren Sie die unten markierten Felder.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } Sie können es erneut versuchen oder eine andere Karte verwenden ({ $left ->
    [one] noch ein Versuch
   *[other] noch { $left } Versuche
}).
holder-missing = Geben Sie den Namen ein, der auf der Karte steht.
number-missing = Geben Sie die Kartennummer ein.
number-invalid = Diese Kartennummer ist ungültig. Bitte prüfen Sie sie und versuchen Sie es erneut.
expiry-missing = Geben Sie das Ablaufdatum ein.
expiry-format = Geben Sie das Ablaufdatum im Format MM/JJ ein.
expiry-past = Diese Karte ist abgelaufen.
cvc-missing = Geben Sie den Sicherheitscode ein.
cvc-format = Der Sicherheitscode besteht aus 3 Ziffern (4 bei American Express).
cvc-format-amex = Bei American Express besteht der Sicherheitscode aus den 4 Ziffern auf der Vorderseite der Karte.
cvc-format-other = Der Sicherheitscode besteht aus den 3 Ziffern auf der Rückseite der Karte.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Karte
decline-declined = Ihre Karte wurde abgelehnt.
decline-insufficient-funds = Ihre Karte ist nicht ausreichend gedeckt.
decline-error = Die Zahlung konnte nicht verarbeitet werden.
decline-challenge-failed = Die Authentifizierung mit 3-D Secure ist fehlgeschlagen.
challenge-heading = Zahlung bestätigen
challenge-text = Ihr Kartenaussteller bittet Sie, diese Zahlung zu bestätigen (simuliertes 3-D Secure).
challenge-approve = Zahlung freigeben
challenge-deny = Ablehnen
outcome-completed = Zahlung abgeschlossen. Vielen Dank!
outcome-authorized = Zahlung autorisiert. Der Shop zieht den Betrag ein, sobald Ihre Bestellung versandt wird.
outcome-pending = Zahlung eingegangen, sie wird gerade bestätigt. Der Shop wird benachrichtigt, sobald sie abgeschlossen ist.
outcome-failed = Die Zahlung ist fehlgeschlagen.
outcome-cancelled = Die Zahlung wurde abgebrochen.
outcome-voided = Die Autorisierung wurde aufgehoben; es wurde nichts belastet.
outcome-expired = Diese Zahlung ist abgelaufen, bevor sie bezahlt wurde; es wurde nichts belastet.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Karte: { $brand }, endet auf { $last4 }
return-link = Zurück zu { $shop }
error-heading = Diese Zahlungsanfrage kann nicht verarbeitet werden
error-field = Feld
error-detail = Details für die Entwickler des Shops
error-next = Bitte kehren Sie zum Shop zurück und versuchen Sie es erneut. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Shop.
# Before the request id on an error page: what to quote to support.
error-request-id = Referenz für den Support
error-malformed = Die Zahlungsanfrage ist fehlerhaft aufgebaut.
error-signature = Die Signatur der Zahlungsanfrage ist ungültig.
error-unknown-account = Das Konto des Shops ist diesem Gateway nicht bekannt.
error-not-found = Diese Seite existiert nicht.
error-conflict = Für diese Bestellung gibt es bereits eine andere Zahlung.
error-too-large = Die Zahlungsanfrage ist zu groß.
error-timeout = Die Übertragung der Anfrage hat zu lange gedauert.
error-rate-limited = Zu viele Anfragen von hier in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es erneut.
error-deadline = Die Antwort hat zu lange gedauert. Falls Sie gerade bezahlt haben, öffnen Sie die Zahlungsseite erneut und prüfen Sie, ob die Zahlung durchgegangen ist, bevor Sie noch einmal bezahlen.
error-unsupported = Die Zahlungsanfrage muss als Formular gesendet werden.
error-invalid = Die Zahlungsanfrage enthält einen ungültigen Wert.
error-forbidden = Dieses Formular wurde nicht von dieser Zahlungsseite aus gesendet.
error-live-mode = Dieses Gateway akzeptiert nur Testzahlungen: Echte Zahlungen sind noch nicht möglich.
error-unexpected = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.
index-heading = offsite-gateway
index-text = Ein gehostetes Zahlungs-Gateway für Shop-Plattformen, das das Offsite-Protokoll x_ unterstützt.
