# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Testmodus: er wordt geen echt geld overgemaakt en dit account accepteert alleen testbetalingen. Probeer kaart 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Betalen aan { $shop }
amount-label = Bedrag
description-label = Omschrijving
reference-label = Bestelling
card-heading = Kaartgegevens
cardholder-name = Naam op kaart
card-number = Kaartnummer
card-number-hint = Het lange nummer op de voorkant van uw kaart.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Kaarttype: { $brand }
card-expiry = Vervaldatum
card-expiry-hint = MM/JJ, bijvoorbeeld 04/29.
card-cvc = Beveiligingscode
card-cvc-hint = 3 cijfers op de achterkant, of 4 op de voorkant bij kaarten van American Express.
card-cvc-hint-amex = 4 cijfers op de voorkant van de kaart.
card-cvc-hint-other = 3 cijfers op de achterkant van de kaart.
# $amount is the formatted amount with its currency.
pay-button = { $amount } betalen
cancel-link = Annuleren en terug naar { $shop }
fix-fields = Corrigeer de hieronder gemarkeerde velden.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } U kunt het opnieuw proberen of een andere kaart gebruiken ({ $left ->
    [one] nog één poging
   *[other] nog { $left } pogingen
}).
holder-missing = Vul de naam in die op de kaart staat.
number-missing = Vul het kaartnummer in.
number-invalid = Dit kaartnummer is ongeldig. Controleer het en probeer het opnieuw.
expiry-missing = Vul de vervaldatum in.
expiry-format = Vul de vervaldatum in als MM/JJ.
expiry-past = Deze kaart is verlopen.
cvc-missing = Vul de beveiligingscode in.
cvc-format = De beveiligingscode bestaat uit 3 cijfers (4 bij American Express).
cvc-format-amex = Bij American Express bestaat de beveiligingscode uit de 4 cijfers op de voorkant van de kaart.
cvc-format-other = De beveiligingscode bestaat uit de 3 cijfers op de achterkant van de kaart.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Kaart
decline-declined = Uw kaart is geweigerd.
decline-insufficient-funds = Onvoldoende saldo.
decline-error = De betaling kon niet worden verwerkt.
decline-challenge-failed = De verificatie met 3-D Secure is mislukt.
challenge-heading = Bevestig deze betaling
challenge-text = Uw kaartuitgever vraagt u deze betaling te bevestigen (gesimuleerde 3-D Secure).
challenge-approve = Betaling goedkeuren
challenge-deny = Weigeren
outcome-completed = Betaling voltooid. Bedankt!
outcome-authorized = Betaling geautoriseerd. De winkel schrijft het bedrag af zodra uw bestelling wordt verzonden.
outcome-pending = Betaling ontvangen, deze wordt nu bevestigd. De winkel krijgt bericht zodra de betaling is voltooid.
outcome-failed = De betaling is mislukt.
outcome-cancelled = De betaling is geannuleerd.
outcome-voided = De autorisatie is vrijgegeven; er is niets afgeschreven.
outcome-expired = Deze betaling is verlopen voordat deze werd betaald; er is niets afgeschreven.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Kaart: { $brand } eindigend op { $last4 }
return-link = Terug naar { $shop }
error-heading = Dit betaalverzoek kan niet worden verwerkt
error-field = Veld
error-detail = Details voor de ontwikkelaar van de winkel
error-next = Ga terug naar de winkel en probeer het opnieuw. Blijft het probleem zich voordoen, neem dan contact op met de winkel.
# Before the request id on an error page: what to quote to support.
error-request-id = Referentie voor de klantenservice
error-malformed = Het betaalverzoek is onjuist opgebouwd.
error-signature = De handtekening van het betaalverzoek is ongeldig.
error-unknown-account = Het account van de winkel is niet bekend bij deze gateway.
error-not-found = Deze pagina bestaat niet.
error-conflict = Voor deze bestelling bestaat al een andere betaling.
error-too-large = Het betaalverzoek is te groot.
error-timeout = Het verzoek deed er te lang over om aan te komen.
error-rate-limited = Te veel verzoeken vanaf hier in korte tijd. Wacht even en probeer het opnieuw.
error-deadline = Het antwoord duurde te lang. Als u aan het betalen was, open de betaalpagina dan opnieuw om te controleren of de betaling is gelukt voordat u opnieuw betaalt.
error-unsupported = Het betaalverzoek moet als formulier worden verzonden.
error-invalid = Het betaalverzoek bevat een ongeldige waarde.
error-forbidden = Dit formulier is niet vanaf deze betaalpagina verzonden.
error-live-mode = Deze gateway accepteert alleen testbetalingen: er kunnen nog geen echte betalingen worden gedaan.
error-unexpected = Er is aan onze kant iets misgegaan. Probeer het over een ogenblik opnieuw.
index-heading = offsite-gateway
index-text = Een gehoste betaalgateway voor webwinkelplatforms, met ondersteuning voor het offsite-protocol x_.
