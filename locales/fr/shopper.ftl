# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Mode test : aucun argent réel n'est débité et ce compte n'accepte que des paiements de test. Essayez la carte 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Payer { $shop }
amount-label = Montant
description-label = Description
reference-label = Commande
card-heading = Informations de la carte
cardholder-name = Nom du titulaire de la carte
card-number = Numéro de carte
card-number-hint = Le numéro long figurant au recto de votre carte.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Type de carte : { $brand }
card-expiry = Date d'expiration
card-expiry-hint = MM/AA, par exemple 04/29.
card-cvc = Code de sécurité (CVC)
card-cvc-hint = 3 chiffres au verso, ou 4 au recto des cartes American Express.
card-cvc-hint-amex = 4 chiffres au recto de la carte.
card-cvc-hint-other = 3 chiffres au verso de la carte.
# $amount is the formatted amount with its currency.
pay-button = Payer { $amount }
cancel-link = Annuler et revenir à { $shop }
fix-fields = Veuillez corriger les champs signalés ci-dessous.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } Vous pouvez réessayer ou utiliser une autre carte ({ $left ->
    [one] { $left } tentative restante
   *[other] { $left } tentatives restantes
}).
holder-missing = Saisissez le nom figurant sur la carte.
number-missing = Saisissez le numéro de carte.
number-invalid = Ce numéro de carte n'est pas valide. Vérifiez-le et réessayez.
expiry-missing = Saisissez la date d'expiration.
expiry-format = Saisissez la date d'expiration au format MM/AA.
expiry-past = Cette carte a expiré.
cvc-missing = Saisissez le code de sécurité.
cvc-format = Le code de sécurité comporte 3 chiffres (4 pour American Express).
cvc-format-amex = Le code de sécurité d'une carte American Express correspond aux 4 chiffres figurant au recto.
cvc-format-other = Le code de sécurité correspond aux 3 chiffres figurant au verso de la carte.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Carte
decline-declined = Votre carte a été refusée.
decline-insufficient-funds = Fonds insuffisants.
decline-error = Le paiement n'a pas pu être traité.
decline-challenge-failed = L'authentification 3-D Secure a échoué.
challenge-heading = Confirmez ce paiement
challenge-text = L'émetteur de votre carte vous demande de confirmer ce paiement (3-D Secure simulé).
challenge-approve = Approuver le paiement
challenge-deny = Refuser
outcome-completed = Paiement effectué. Merci !
outcome-authorized = Paiement autorisé. La boutique l'encaissera à l'expédition de votre commande.
outcome-pending = Paiement reçu, en cours de confirmation. La boutique sera informée dès qu'il sera finalisé.
outcome-failed = Le paiement a échoué.
outcome-cancelled = Le paiement a été annulé.
outcome-voided = L'autorisation a été levée ; aucun montant n'a été débité.
outcome-expired = Ce paiement a expiré avant d'être réglé ; aucun montant n'a été débité.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Carte : { $brand } se terminant par { $last4 }
return-link = Revenir à { $shop }
error-heading = Cette demande de paiement ne peut pas être traitée
error-field = Champ
error-detail = Détails pour le développeur de la boutique
error-next = Veuillez revenir sur le site de la boutique et réessayer. Si le problème persiste, contactez la boutique.
# Before the request id on an error page: what to quote to support.
error-request-id = Référence à communiquer à l'assistance
error-malformed = La demande de paiement est mal formée.
error-signature = La signature de la demande de paiement n'est pas valide.
error-unknown-account = Le compte de la boutique est inconnu de cette passerelle.
error-not-found = Cette page n'existe pas.
error-conflict = Un autre paiement existe déjà pour cette commande.
error-too-large = La demande de paiement est trop volumineuse.
error-timeout = La demande a mis trop de temps à arriver.
error-rate-limited = Trop de requêtes depuis cet emplacement en peu de temps. Patientez un instant, puis réessayez.
error-deadline = La réponse a pris trop de temps. Si vous étiez en train de payer, rouvrez la page de paiement pour vérifier si le paiement a abouti avant de payer à nouveau.
error-unsupported = La demande de paiement doit être envoyée sous forme de formulaire.
error-invalid = La demande de paiement contient une valeur non valide.
error-forbidden = Ce formulaire n'a pas été envoyé depuis cette page de paiement.
error-live-mode = Cette passerelle n'accepte que les paiements de test : aucun paiement réel n'est encore possible.
error-unexpected = Une erreur s'est produite de notre côté. Veuillez réessayer dans un instant.
index-heading = offsite-gateway
index-text = Une passerelle de paiement hébergée pour les plateformes de boutique en ligne, qui utilise le protocole offsite x_.
