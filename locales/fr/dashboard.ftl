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
dash-title-suffix = Tableau de bord Offsite Gateway
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Tableau de bord
dash-nav-overview = Vue d'ensemble
dash-nav-payments = Paiements
dash-nav-credentials = Identifiants
dash-nav-settings = Paramètres
dash-nav-developers = Développeurs
dash-nav-password = Mot de passe
dash-logout = Se déconnecter
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = Identifiant du compte
dash-mode = Mode
# A payment's or a key's mode.
dash-mode-test = test
dash-mode-live = production
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = vente
dash-type-authorization = autorisation
# A payment's status, beside or instead of its protocol code.
dash-status-open = ouvert
dash-status-challenge = authentification 3-D Secure
dash-status-pending = en attente
dash-status-authorized = autorisé
dash-status-captured = encaissé
dash-status-failed = échoué
dash-status-cancelled = annulé
dash-status-voided = autorisation annulée
dash-status-expired = expiré
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = aucune réponse
dash-answer-not-attempted = pas encore tenté
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Date (UTC)
dash-col-created = Date de création (UTC)
dash-col-from = Provenance
dash-col-status = Statut
dash-col-mode = Mode
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Votre carte a été refusée.
dash-reason-insufficient-funds = Fonds insuffisants.
dash-reason-error = Le paiement n'a pas pu être traité.
dash-reason-challenge-failed = L'authentification 3-D Secure a échoué.
dash-test-only-note = Ce compte n'accepte que des paiements de test (x_test=true) : cette passerelle n'a pas de processeur de paiement réel, donc x_test=false est refusé avec live_mode_unavailable et aucun montant n'est débité.

## Logging in, the setup link, passwords

dash-login-title = Connexion
dash-login-heading = Connectez-vous à votre tableau de bord
dash-email = Adresse e-mail
dash-password = Mot de passe
dash-login-button = Se connecter
dash-login-lost = Mot de passe oublié ? Demandez un nouveau lien de configuration à l'opérateur de votre passerelle.
dash-login-welcome = Votre mot de passe est défini. Connectez-vous avec celui-ci.
dash-login-ended = Déconnexion effectuée.
dash-login-invalid = L'adresse e-mail ou le mot de passe est incorrect.
# $minutes is how long the login stays locked.
dash-login-locked = Trop de tentatives de connexion échouées. Patientez { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}, puis réessayez.
dash-setup-title = Définir votre mot de passe
# $email is the user's email address, in bold.
dash-setup-for = Pour { $email }. Ce lien ne fonctionne qu'une seule fois.
dash-setup-button = Définir le mot de passe
dash-link-gone-heading = Ce lien ne fonctionne pas
dash-link-gone = Le lien de configuration a expiré ou a déjà été utilisé. Demandez-en un nouveau à l'opérateur de votre passerelle.
dash-go-to-login = Aller à la page de connexion
dash-new-password = Nouveau mot de passe
dash-new-password-hint = Au moins 12 caractères.
dash-new-password-again = Confirmez le nouveau mot de passe
dash-password-mismatch = Les deux mots de passe ne sont pas identiques.
dash-password-too-short = Le mot de passe doit comporter au moins 12 caractères.
dash-password-too-long = Le mot de passe est trop long.
dash-password-title = Mot de passe
dash-password-heading = Modifier votre mot de passe
dash-password-sessions = Vos autres sessions prennent fin lorsque vous le modifiez.
dash-current-password = Mot de passe actuel
dash-password-button = Modifier le mot de passe
dash-password-wrong = Le mot de passe actuel est incorrect.
dash-password-changed = Votre mot de passe a été modifié ; vos autres sessions ont pris fin.

## The overview

dash-overview-title = Vue d'ensemble
dash-mode-test-only = paiements de test uniquement
dash-mode-test-and-live = paiements de test et réels
dash-audit-heading = Journal d'audit
dash-audit-hint = Tous les événements de ce compte liés aux identifiants, aux paramètres et aux connexions, du plus récent au plus ancien.
dash-col-event = Événement
dash-col-who = Auteur
dash-col-detail = Détail

## Credentials

dash-credentials-title = Identifiants
dash-secret = Secret
# $version is the secret's version number (1, 2, …).
dash-secret-version = version { $version }, visible uniquement lors de sa création
dash-previous-secret = Secret précédent
# $until is a date and time.
dash-previous-verifies-until = accepté pour la vérification jusqu'au { $until }
dash-new-secret-heading = Votre nouveau secret
dash-new-secret-copy = Copiez-le dès maintenant dans les paramètres de votre boutique : il n'est affiché que cette seule fois.
dash-rotate-heading = Renouveler le secret
dash-rotate-text = Un nouveau secret est créé ; l'actuel reste accepté pendant la période de chevauchement que vous choisissez, afin que votre boutique puisse basculer sans paiement refusé. Les réponses et les callbacks sont signés avec le secret qui a signé chaque requête.
dash-rotate-previous-valid = Un secret précédent est encore valide : révoquez-le avant d'effectuer un nouveau renouvellement.
dash-overlap = Période de chevauchement, en secondes
dash-overlap-hint = De 60 (1 minute) à 604800 (7 jours) ; 3600 correspond à une heure, 86400 à un jour.
dash-rotate-button = Renouveler le secret
dash-revoke-heading = Révoquer le secret précédent
dash-revoke-text = Dès que votre boutique utilise le nouveau secret, mettez fin au chevauchement sans attendre.
dash-revoke-button = Révoquer le secret précédent
dash-overlap-not-number = La période de chevauchement doit être un nombre de secondes.
dash-overlap-out-of-range = La période de chevauchement doit être comprise entre 1 minute et 7 jours.
# $until is a date and time.
dash-previous-still-valid = Le secret précédent est encore valide (jusqu'au { $until }) ; révoquez-le avant d'effectuer un nouveau renouvellement.
dash-no-valid-previous = Il n'existe aucun secret précédent encore valide.
dash-no-such-merchant = Aucun marchand ne correspond à cet identifiant de compte.
dash-previous-revoked = Le secret précédent n'est plus accepté.

## Settings

dash-settings-title = Paramètres
dash-return-hosts = Hôtes autorisés pour les URL de retour et de callback
dash-return-hosts-hint = Un par ligne : <code>shop.example.com</code>, ou <code>*.shop.example.com</code> pour ses sous-domaines. Une demande de paiement dont x_url_complete, x_url_cancel ou x_url_callback utilise un autre hôte est refusée. Si la liste est vide, tous les hôtes sont autorisés.
dash-frame-origins = Origines autorisées à intégrer la page de paiement
dash-frame-origins-hint = Une par ligne, par exemple <code>https://shop.example.com</code>. Les sessions créées avec <code>ui_mode: embedded</code> et les pages de paiement ouvertes avec <code>?embed=1</code> ne peuvent être intégrées que par ces origines.
dash-settings-button = Enregistrer les paramètres
dash-settings-saved = Paramètres enregistrés.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Rien n'a été enregistré : « { $entry } » n'est pas un nom d'hôte (lettres, chiffres, traits d'union et points, ou *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Rien n'a été enregistré : « { $entry } » n'est pas une origine du type https://shop.example.com (https, sans chemin).
# $max is the most lines a list may have.
dash-settings-too-many = Rien n'a été enregistré : { $max } entrées au maximum.

## The payments list

dash-payments-title = Paiements
dash-status = Statut
# The status filter's choice that filters nothing.
dash-status-any = Tous
dash-reference = Référence
dash-from = Du (UTC)
dash-to = Au (UTC)
dash-filter-button = Filtrer
dash-filter-clear = Effacer
# $count is how many payments this page lists.
dash-payments-hint = Les plus récents d'abord, { $count ->
    [one] { $count } paiement sur cette page
   *[other] { $count } paiements sur cette page
}. Les montants sont exprimés dans la devise de chaque paiement.
dash-col-reference = Référence
dash-col-amount = Montant
dash-col-card = Carte
dash-no-payments = Aucun paiement ne correspond.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Autres paiements
dash-newest-page = Paiements les plus récents
dash-older-page = Paiements plus anciens
dash-payments-bad-status = Aucun paiement affiché : statut inconnu.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Aucun paiement affiché : « Du » doit être une date comme 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Aucun paiement affiché : « Au » doit être une date comme 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Paiement { $reference }
dash-all-payments = Tous les paiements
dash-amount = Montant
dash-type = Type
dash-card-label = Carte
dash-captured = Encaissé
dash-refunded = Remboursé
dash-created = Date de création (UTC)
dash-gateway-reference = Référence de la passerelle
dash-payment-id = Identifiant du paiement
dash-operations-heading = Encaisser, rembourser ou annuler l'autorisation
dash-operations-hint = Chaque opération est signée, signalée à l'URL de callback de votre boutique et inscrite dans le journal d'audit.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Montant à encaisser, en { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = Au maximum { $max }, soit le montant autorisé non encore encaissé.
dash-capture-button = Encaisser
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Montant à rembourser, en { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = Au maximum { $max }, soit le montant encaissé non encore remboursé.
dash-refund-button = Rembourser
dash-void-text = Lever la totalité de l'autorisation : plus rien ne pourra en être encaissé ensuite.
dash-void-button = Annuler l'autorisation
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Aucun encaissement, remboursement ni annulation n'est possible tant que le paiement a le statut { $status }.
dash-done-capture = L'encaissement est effectué.
dash-done-refund = Le remboursement est effectué.
dash-done-void = L'autorisation est annulée.
dash-done-resend = Le callback est en cours de renvoi.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Aucune opération effectuée : { $why }.
dash-timeline-heading = Chronologie
dash-callbacks-heading = Callbacks
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id } : { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id } : { $result } pour { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = Vers { $url }, mis en file d'attente le { $queued }.
dash-callback-not-attempted = Pas encore tenté.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Tentatives du callback { $id }
dash-col-attempt = Tentative
dash-col-answer = Réponse
dash-col-time-taken = Durée
dash-callback-resend = Renvoyer le callback { $id }
dash-no-callbacks = Aucun callback pour ce paiement pour le moment.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Demande de paiement reçue : { $amount }, { $type }, { $mode }
dash-event-page-shown = Page de paiement affichée pour la première fois
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Tentative { $attempt } par carte ({ $brand } ···· { $last4 }) : approuvée
dash-event-charge-declined = Tentative { $attempt } par carte ({ $brand } ···· { $last4 }) : refusée
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Tentative { $attempt } par carte ({ $brand } ···· { $last4 }) : refusée — { $why }
dash-event-charge-pending = Tentative { $attempt } par carte ({ $brand } ···· { $last4 }) : en attente chez le processeur
dash-event-charge-challenge = Tentative { $attempt } par carte ({ $brand } ···· { $last4 }) : authentification 3-D Secure demandée
dash-event-charge-error = Tentative { $attempt } par carte ({ $brand } ···· { $last4 }) : erreur du processeur
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Tentative { $attempt } par carte ({ $brand } ···· { $last4 }) : erreur du processeur — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = Authentification 3-D Secure de la tentative { $attempt } réussie
dash-event-3ds-failed = Authentification 3-D Secure de la tentative { $attempt } échouée
dash-event-3ds-failed-why = Authentification 3-D Secure de la tentative { $attempt } échouée — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Résultat : { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Résultat : { $result } — { $why }
dash-event-cancelled = Annulé par le client
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Encaissement de { $amount } ({ $operation })
dash-event-refund = Remboursement de { $amount } ({ $operation })
dash-event-void = Annulation de l'autorisation ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } mis en file d'attente ({ $result }) vers { $url }
dash-event-callback-operation = Callback { $id } mis en file d'attente ({ $result } pour { $operation }) vers { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, tentative { $attempt } : HTTP { $status } en { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, tentative { $attempt } : { $error } après { $ms } ms
dash-event-attempt-none = Callback { $callback }, tentative { $attempt } : aucune réponse après { $ms } ms

## Developers: API keys

dash-developers-title = Développeurs
dash-keys-heading = Clés API
dash-keys-hint = Votre serveur appelle l'<a>API des sessions</a> avec <code>Authorization: Bearer</code> et l'une de ces clés. Une clé de test (<code>sk_test_…</code>) ne crée et ne voit que des paiements de test. Seule une empreinte (hash) de la clé est conservée : la clé n'est affichée qu'une fois, lors de sa création.
# $id is the key's id.
dash-new-key-heading-test = Votre nouvelle clé API de test, { $id }
dash-new-key-heading-live = Votre nouvelle clé API de production, { $id }
dash-new-key-copy = Copiez-la dès maintenant dans la configuration de votre serveur : elle ne sera plus affichée.
# The label of the table of keys, for screen readers.
dash-keys-label = Vos clés API
dash-col-id = Identifiant
dash-col-key = Clé
# $at is a date and time.
dash-key-revoked-at = révoquée le { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = Révoquer { $id }
dash-key-revoke = Révoquer
dash-no-keys = Aucune clé API pour le moment.
dash-live-key = Une clé de production (<code>sk_live_…</code>)
dash-live-hint-test-only = Ce compte n'accepte que des paiements de test : une clé de production est refusée tant que le compte n'est pas activé pour les paiements réels.
dash-live-hint = Case décochée : une clé de test, qui ne touche jamais à un paiement réel.
dash-key-button = Créer une clé API
dash-key-live-refused = Ce compte n'accepte que des paiements de test ; une clé de production serait donc refusée à chaque requête : aucune clé n'a été créée. Créez plutôt une clé de test.
dash-key-not-found = Cette clé API est introuvable parmi les clés actives de ce compte : rien n'a été révoqué.
dash-key-revoked = La clé API est révoquée : toute requête qui l'utilise reçoit 401.

## Developers: webhook endpoints

dash-webhooks-heading = Points de terminaison de webhook
dash-webhooks-hint = Chaque événement est envoyé en POST au format JSON aux points de terminaison qui y sont abonnés, signé selon Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) avec le secret du point de terminaison, et renvoyé jusqu'à ce que votre récepteur réponde 2xx. Le secret n'est affiché qu'une fois, lors de sa création.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = Le nouveau secret de { $id }
dash-new-webhook-secret = Le secret de votre nouveau point de terminaison, { $id }
dash-new-webhook-copy = Copiez-le dès maintenant dans votre récepteur de webhooks : il ne sera plus affiché.
# $until is a date and time.
dash-new-webhook-previous = Le secret précédent signe aussi chaque envoi jusqu'au { $until }.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Vos points de terminaison de webhook
dash-col-endpoint = Point de terminaison
dash-col-events = Événements
dash-col-secret = Secret
dash-col-actions = Actions
# $at is a date and time.
dash-endpoint-created = créé le { $at }
# $until is a date and time.
dash-endpoint-previous-until = secret précédent valide jusqu'au { $until }
dash-endpoint-one-secret = un seul secret
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = tous les événements (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Renouveler le secret de { $id }
dash-endpoint-rotate = Renouveler le secret
dash-endpoint-delete-label = Supprimer { $id }
dash-endpoint-delete = Supprimer
dash-no-endpoints = Aucun point de terminaison de webhook pour le moment.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Derniers envois vers { $id }
dash-deliveries-none = Rien ne lui a encore été envoyé.
dash-col-event-payment = Événement et paiement
dash-col-last-answer = Dernière réponse
dash-col-action = Action
# $payment is the payment's id, linked to its page.
dash-delivery-payment = paiement { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } tentative
   *[other] { $count } tentatives
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Renvoyer : envoi { $id }, { $event }
dash-delivery-resend = Renvoyer
dash-webhook-form-heading = Ajouter un point de terminaison
dash-webhook-url = URL du point de terminaison
dash-webhook-url-hint = L'adresse d'écoute de votre récepteur : une URL https sur un hôte public, utilisant le port par défaut.
dash-events-legend = Événements à envoyer
dash-events-hint = « Tous les événements » inclut les types ajoutés ultérieurement.
dash-events-all = Tous les événements (<code>*</code>)
dash-webhook-button = Ajouter le point de terminaison
dash-webhook-url-missing = Saisissez l'URL sur laquelle votre récepteur de webhooks écoute.
# $max is a number of characters.
dash-webhook-url-too-long = L'URL doit comporter au maximum { $max } caractères.
dash-webhook-url-not-https = L'URL doit être une URL https absolue.
dash-webhook-url-bad-characters = L'URL ne doit contenir ni espaces, ni barres obliques inverses, ni caractères de contrôle.
dash-webhook-url-userinfo = L'URL ne doit contenir ni nom d'utilisateur ni mot de passe.
dash-webhook-url-private = L'URL doit désigner un hôte public.
dash-webhook-url-port = L'URL doit utiliser le port par défaut.
dash-webhook-url-bad-host = Le nom d'hôte de l'URL n'est pas un nom DNS valide.
dash-webhook-events-missing = Choisissez au moins un événement, ou tous les événements.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = « { $event } » n'est pas un type d'événement ; les types sont : { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = Ce compte a déjà { $max } points de terminaison, le maximum autorisé : supprimez-en un d'abord.
dash-webhook-not-saved = Rien n'a été enregistré : corrigez le formulaire ci-dessous.
dash-webhook-not-found = Ce point de terminaison ou cet envoi est introuvable parmi ceux de ce compte : aucune action n'a été effectuée.
dash-endpoint-deleted = Le point de terminaison est supprimé : plus rien ne lui sera envoyé.
dash-delivery-resent = L'envoi est en cours de renvoi.

## Developers: callback delivery

dash-delivery-heading = Envoi des callbacks, dernières 24 heures
dash-delivery-warning = Le point de terminaison de callback de votre boutique échoue ou répond lentement : les callbacks sont renvoyés, et un callback qui a épuisé ses nouvelles tentatives est abandonné.
dash-delivery-attempts-label = Tentatives
dash-delivery-answered = Réponses 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate } %
dash-delivery-no-attempts = aucune tentative
dash-delivery-answer-time = Temps de réponse
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = médiane { $p50 }, 95e centile { $p95 }
dash-delivery-waiting-label = En attente
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, le plus ancien créé il y a { $age ->
    [one] { $age } seconde
   *[other] { $age } secondes
}
dash-delivery-waiting-minutes = { $waiting }, le plus ancien créé il y a { $age ->
    [one] { $age } minute
   *[other] { $age } minutes
}
dash-delivery-waiting-hours = { $waiting }, le plus ancien créé il y a { $age ->
    [one] { $age } heure
   *[other] { $age } heures
}
dash-delivery-waiting-days = { $waiting }, le plus ancien créé il y a { $age ->
    [one] { $age } jour
   *[other] { $age } jours
}
dash-delivery-gave-up-label = Abandonnés
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Renvoyer le callback abandonné
   *[other] Renvoyer les { $count } callbacks abandonnés
}
dash-resent-none = Aucun callback n'avait été abandonné : rien n'a été envoyé.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } callback est en cours de renvoi.
   *[other] { $count } callbacks sont en cours de renvoi.
}

## Developers: refused signatures

dash-rejections-heading = Signatures refusées
dash-rejections-hint = Requêtes des 7 derniers jours dont la signature n'a pas pu être vérifiée (100 au maximum), avec l'erreur que la boutique a le plus probablement commise. Seuls les noms des champs sont conservés, jamais leurs valeurs.
dash-col-path = Chemin
dash-col-diagnosis = Diagnostic
dash-col-fields = Champs envoyés
dash-no-rejections = Aucune signature refusée au cours des 7 derniers jours.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Signez avec le secret actuel ; celui qui a été utilisé a expiré ou a été révoqué.
dash-diagnosis-non-x-fields-included = Ne signez que les champs dont le nom commence par x_.
dash-diagnosis-signature-field-included = Excluez le champ x_signature lui-même du message signé.
dash-diagnosis-unsorted-fields = Triez les champs par nom, dans l'ordre des octets, avant de signer.
dash-diagnosis-separators-used = Placez chaque valeur juste après son nom, et chaque paire juste après la précédente, sans = ni & entre elles.
dash-diagnosis-encoded-values = Signez les valeurs décodées des champs, et non leur forme encodée en pourcentage.
dash-diagnosis-empty-fields-dropped = Incluez les champs x_ envoyés avec une valeur vide, sous la forme de leur seul nom.
dash-diagnosis-wrong-algorithm = Signez avec HMAC-SHA256 en utilisant le secret comme clé, et envoyez l'empreinte en hexadécimal.
dash-diagnosis-secret-decoded = Utilisez le texte du secret exactement tel qu'il est fourni comme clé HMAC, sans le décoder depuis l'hexadécimal ou le base64.
dash-diagnosis-unknown = Signez tous les champs x_ sauf x_signature, triés par nom, chaque nom suivi de sa valeur, avec HMAC-SHA256 et le secret actuel comme clé.

## Error pages

dash-error-heading = Cette action est impossible
dash-error-malformed = La requête est mal formée.
dash-error-not-found = Cette page n'existe pas.
dash-error-conflict = Une modification a eu lieu au même moment. Rechargez la page et réessayez.
dash-error-too-large = Le formulaire est trop volumineux.
dash-error-timeout = La requête a mis trop de temps à arriver.
dash-error-rate-limited = Trop de requêtes depuis cet emplacement en peu de temps. Patientez un instant, puis réessayez.
dash-error-deadline = La réponse a pris trop de temps. Rechargez la page pour vérifier si la modification a été effectuée avant de réessayer.
dash-error-unsupported = La requête doit être envoyée sous forme de formulaire.
dash-error-invalid = Le formulaire contient une valeur non valide.
dash-error-forbidden = Ce formulaire n'a pas été envoyé depuis ce tableau de bord ; rien n'a donc été modifié.
dash-error-unexpected = Une erreur s'est produite de notre côté. Veuillez réessayer dans un instant.
dash-error-other = Cette requête ne peut pas être traitée.
dash-error-detail = Détails pour les développeurs
dash-error-field = Champ
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Référence à communiquer à l'assistance : { $id }
dash-error-back = Retour au tableau de bord
