# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Modalità test: non viene trasferito denaro reale e questo account accetta solo pagamenti di prova. Provare con la carta 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Pagamento a { $shop }
amount-label = Importo
description-label = Descrizione
reference-label = Ordine
card-heading = Dati della carta
cardholder-name = Nome sulla carta
card-number = Numero della carta
card-number-hint = Il numero lungo sul fronte della carta.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Tipo di carta: { $brand }
card-expiry = Data di scadenza
card-expiry-hint = MM/AA, ad esempio 04/29.
card-cvc = Codice di sicurezza
card-cvc-hint = 3 cifre sul retro, oppure 4 sul fronte per le carte American Express.
card-cvc-hint-amex = 4 cifre sul fronte della carta.
card-cvc-hint-other = 3 cifre sul retro della carta.
# $amount is the formatted amount with its currency.
pay-button = Paga { $amount }
cancel-link = Annulla e torna a { $shop }
fix-fields = Correggere i campi indicati di seguito.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } È possibile riprovare o utilizzare un'altra carta ({ $left ->
    [one] resta un tentativo
   *[other] restano { $left } tentativi
}).
holder-missing = Inserire il nome riportato sulla carta.
number-missing = Inserire il numero della carta.
number-invalid = Il numero della carta non è valido. Verificarlo e riprovare.
expiry-missing = Inserire la data di scadenza.
expiry-format = Inserire la data di scadenza nel formato MM/AA.
expiry-past = Questa carta è scaduta.
cvc-missing = Inserire il codice di sicurezza.
cvc-format = Il codice di sicurezza è di 3 cifre (4 per American Express).
cvc-format-amex = Il codice di sicurezza di una carta American Express è costituito dalle 4 cifre sul fronte.
cvc-format-other = Il codice di sicurezza è costituito dalle 3 cifre sul retro della carta.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Carta
decline-declined = La carta è stata rifiutata.
decline-insufficient-funds = Fondi insufficienti.
decline-error = Non è stato possibile elaborare il pagamento.
decline-challenge-failed = Autenticazione 3-D Secure non riuscita.
challenge-heading = Conferma del pagamento
challenge-text = L'emittente della carta chiede di confermare questo pagamento (3-D Secure simulato).
challenge-approve = Approva il pagamento
challenge-deny = Rifiuta
outcome-completed = Pagamento completato. Grazie!
outcome-authorized = Pagamento autorizzato. Il negozio addebiterà l'importo alla spedizione dell'ordine.
outcome-pending = Pagamento ricevuto, in attesa di conferma. Il negozio verrà avvisato al completamento.
outcome-failed = Il pagamento non è riuscito.
outcome-cancelled = Il pagamento è stato annullato.
outcome-voided = L'autorizzazione è stata revocata; non è stato addebitato alcun importo.
outcome-expired = Il pagamento è scaduto prima di essere effettuato; non è stato addebitato alcun importo.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Carta: { $brand } che termina con { $last4 }
return-link = Torna a { $shop }
error-heading = Impossibile elaborare questa richiesta di pagamento
error-field = Campo
error-detail = Dettagli per lo sviluppatore del negozio
error-next = Tornare al negozio e riprovare. Se il problema persiste, contattare il negozio.
# Before the request id on an error page: what to quote to support.
error-request-id = Riferimento per l'assistenza
error-malformed = La richiesta di pagamento non è formattata correttamente.
error-signature = La firma della richiesta di pagamento non è valida.
error-unknown-account = L'account del negozio non è riconosciuto da questo gateway.
error-not-found = Questa pagina non esiste.
error-conflict = Per questo ordine esiste già un pagamento diverso.
error-too-large = La richiesta di pagamento è troppo grande.
error-timeout = La richiesta ha impiegato troppo tempo ad arrivare.
error-rate-limited = Troppe richieste da qui in poco tempo. Attendere un momento e riprovare.
error-deadline = La risposta ha richiesto troppo tempo. Se si stava effettuando un pagamento, riaprire la pagina di pagamento per verificare se è andato a buon fine prima di pagare di nuovo.
error-unsupported = La richiesta di pagamento deve essere inviata come modulo.
error-invalid = La richiesta di pagamento contiene un valore non valido.
error-forbidden = Questo modulo non è stato inviato da questa pagina di pagamento.
error-live-mode = Questo gateway accetta solo pagamenti di prova: non è ancora possibile effettuare pagamenti reali.
error-unexpected = Si è verificato un errore da parte nostra. Riprovare tra qualche istante.
index-heading = offsite-gateway
index-text = Un gateway di pagamento ospitato per piattaforme di e-commerce, che utilizza il protocollo offsite x_.
