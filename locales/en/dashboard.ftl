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
dash-title-suffix = Offsite Gateway dashboard
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Dashboard
dash-nav-overview = Overview
dash-nav-payments = Payments
dash-nav-credentials = Credentials
dash-nav-settings = Settings
dash-nav-developers = Developers
dash-nav-password = Password
dash-logout = Log out
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = Account id
dash-mode = Mode
# A payment's or a key's mode.
dash-mode-test = test
dash-mode-live = live
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = sale
dash-type-authorization = authorization
# A payment's status, beside or instead of its protocol code.
dash-status-open = open
dash-status-challenge = challenge
dash-status-pending = pending
dash-status-authorized = authorized
dash-status-captured = captured
dash-status-failed = failed
dash-status-cancelled = cancelled
dash-status-voided = voided
dash-status-expired = expired
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = no answer
dash-answer-not-attempted = not attempted yet
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = When (UTC)
dash-col-created = Created (UTC)
dash-col-from = From
dash-col-status = Status
dash-col-mode = Mode
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Your card was declined.
dash-reason-insufficient-funds = Insufficient funds.
dash-reason-error = The payment could not be processed.
dash-reason-challenge-failed = 3-D Secure authentication failed.
dash-test-only-note = This account takes test payments only (x_test=true): this gateway has no live processor, so x_test=false is refused with live_mode_unavailable and nothing is charged.

## Logging in, the setup link, passwords

dash-login-title = Log in
dash-login-heading = Log in to your dashboard
dash-email = Email
dash-password = Password
dash-login-button = Log in
dash-login-lost = Lost your password? Ask your gateway operator for a new setup link.
dash-login-welcome = Your password is set. Log in with it.
dash-login-ended = You have logged out.
dash-login-invalid = The email or the password is not right.
# $minutes is how long the login stays locked.
dash-login-locked = Too many failed logins. Wait { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}, then try again.
dash-setup-title = Set your password
# $email is the user's email address, in bold.
dash-setup-for = For { $email }. This link works once.
dash-setup-button = Set password
dash-link-gone-heading = This link does not work
dash-link-gone = The setup link has expired or has been used. Ask your gateway operator for a new one.
dash-go-to-login = Go to the login page
dash-new-password = New password
dash-new-password-hint = At least 12 characters.
dash-new-password-again = The new password again
dash-password-mismatch = The two passwords are not the same.
dash-password-too-short = The password needs at least 12 characters.
dash-password-too-long = The password is too long.
dash-password-title = Password
dash-password-heading = Change your password
dash-password-sessions = Your other sessions end when you change it.
dash-current-password = Current password
dash-password-button = Change password
dash-password-wrong = The current password is not right.
dash-password-changed = Your password is changed; your other sessions have ended.

## The overview

dash-overview-title = Overview
dash-mode-test-only = test payments only
dash-mode-test-and-live = test and live payments
dash-audit-heading = Audit log
dash-audit-hint = Every credential, settings and login event of this account, newest first.
dash-col-event = Event
dash-col-who = Who
dash-col-detail = Detail

## Credentials

dash-credentials-title = Credentials
dash-secret = Secret
# $version is the secret's version number (1, 2, …).
dash-secret-version = version { $version }, shown only when it is made
dash-previous-secret = Previous secret
# $until is a date and time.
dash-previous-verifies-until = verifies until { $until }
dash-new-secret-heading = Your new secret
dash-new-secret-copy = Copy it into your storefront's settings now: it is shown only this once.
dash-rotate-heading = Rotate the secret
dash-rotate-text = A new secret is made; the current one keeps verifying for the overlap you choose, so your storefront can switch without refused payments. Answers and callbacks are signed with the secret that signed each request.
dash-rotate-previous-valid = A previous secret is still valid: revoke it before rotating again.
dash-overlap = Overlap, in seconds
dash-overlap-hint = From 60 (1 minute) to 604800 (7 days); 3600 is an hour, 86400 a day.
dash-rotate-button = Rotate the secret
dash-revoke-heading = Revoke the previous secret
dash-revoke-text = Once your storefront uses the new secret, end the overlap now.
dash-revoke-button = Revoke the previous secret
dash-overlap-not-number = The overlap must be a number of seconds.
dash-overlap-out-of-range = The overlap must be between 1 minute and 7 days.
# $until is a date and time.
dash-previous-still-valid = The previous secret is still valid (until { $until }); revoke it before rotating again.
dash-no-valid-previous = There is no previous secret that is still valid.
dash-no-such-merchant = No merchant has this account id.
dash-previous-revoked = The previous secret no longer verifies.

## Settings

dash-settings-title = Settings
dash-return-hosts = Allowed hosts for return and callback URLs
dash-return-hosts-hint = One a line: <code>shop.example.com</code>, or <code>*.shop.example.com</code> for its subdomains. A payment request whose x_url_complete, x_url_cancel or x_url_callback uses another host is refused. Empty allows any host.
dash-frame-origins = Origins that may embed the payment page
dash-frame-origins-hint = One a line, like <code>https://shop.example.com</code>. Sessions made with <code>ui_mode: embedded</code>, and payment pages opened with <code>?embed=1</code>, may be framed by these origins only.
dash-settings-button = Save settings
dash-settings-saved = Settings saved.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Nothing was saved: "{ $entry }" is not a host name (letters, digits, hyphens and dots, or *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Nothing was saved: "{ $entry }" is not an origin like https://shop.example.com (https, no path).
# $max is the most lines a list may have.
dash-settings-too-many = Nothing was saved: at most { $max } entries.

## The payments list

dash-payments-title = Payments
dash-status = Status
# The status filter's choice that filters nothing.
dash-status-any = Any
dash-reference = Reference
dash-from = From (UTC)
dash-to = To (UTC)
dash-filter-button = Filter
dash-filter-clear = Clear
# $count is how many payments this page lists.
dash-payments-hint = Newest first, { $count ->
    [one] { $count } on this page
   *[other] { $count } on this page
}. Amounts are in each payment's currency.
dash-col-reference = Reference
dash-col-amount = Amount
dash-col-card = Card
dash-no-payments = No payments match.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = More payments
dash-newest-page = Newest payments
dash-older-page = Older payments
dash-payments-bad-status = Nothing was listed: Unknown status.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Nothing was listed: From must be a day like 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Nothing was listed: To must be a day like 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Payment { $reference }
dash-all-payments = All payments
dash-amount = Amount
dash-type = Type
dash-card-label = Card
dash-captured = Captured
dash-refunded = Refunded
dash-created = Created (UTC)
dash-gateway-reference = Gateway reference
dash-payment-id = Payment id
dash-operations-heading = Capture, refund or void
dash-operations-hint = Each one is signed, reported to your storefront's callback URL and written to the audit log.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Amount to capture, in { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = At most { $max }, the authorized amount not yet captured.
dash-capture-button = Capture
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Amount to refund, in { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = At most { $max }, the captured amount not yet refunded.
dash-refund-button = Refund
dash-void-text = Release the whole authorization: nothing of it can be captured afterwards.
dash-void-button = Void the authorization
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Nothing can be captured, refunded or voided while the payment is { $status }.
dash-done-capture = The capture is done.
dash-done-refund = The refund is done.
dash-done-void = The authorization is voided.
dash-done-resend = The callback is being sent again.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Nothing was done: { $why }.
dash-timeline-heading = Timeline
dash-callbacks-heading = Callbacks
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $result } for { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = To { $url }, queued { $queued }.
dash-callback-not-attempted = Not attempted yet.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Attempts of callback { $id }
dash-col-attempt = Attempt
dash-col-answer = Answer
dash-col-time-taken = Time taken
dash-callback-resend = Send callback { $id } again
dash-no-callbacks = No callbacks for this payment yet.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Payment request received: { $amount }, { $type }, { $mode }
dash-event-page-shown = Payment page first shown
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Card attempt { $attempt } ({ $brand } ···· { $last4 }): approved
dash-event-charge-declined = Card attempt { $attempt } ({ $brand } ···· { $last4 }): declined
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Card attempt { $attempt } ({ $brand } ···· { $last4 }): declined — { $why }
dash-event-charge-pending = Card attempt { $attempt } ({ $brand } ···· { $last4 }): pending at the processor
dash-event-charge-challenge = Card attempt { $attempt } ({ $brand } ···· { $last4 }): 3-D Secure challenge asked
dash-event-charge-error = Card attempt { $attempt } ({ $brand } ···· { $last4 }): processor error
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Card attempt { $attempt } ({ $brand } ···· { $last4 }): processor error — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = 3-D Secure of attempt { $attempt } passed
dash-event-3ds-failed = 3-D Secure of attempt { $attempt } failed
dash-event-3ds-failed-why = 3-D Secure of attempt { $attempt } failed — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Outcome: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Outcome: { $result } — { $why }
dash-event-cancelled = Cancelled by the shopper
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Capture of { $amount } ({ $operation })
dash-event-refund = Refund of { $amount } ({ $operation })
dash-event-void = Void ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } queued ({ $result }) to { $url }
dash-event-callback-operation = Callback { $id } queued ({ $result } for { $operation }) to { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, attempt { $attempt }: HTTP { $status } in { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, attempt { $attempt }: { $error } in { $ms } ms
dash-event-attempt-none = Callback { $callback }, attempt { $attempt }: no answer in { $ms } ms

## Developers: API keys

dash-developers-title = Developers
dash-keys-heading = API keys
dash-keys-hint = Your server calls the <a>sessions API</a> with <code>Authorization: Bearer</code> and one of these keys. A test key (<code>sk_test_…</code>) makes and sees test payments only. Only a hash of a key is kept: it is shown once, when it is made.
# $id is the key's id.
dash-new-key-heading-test = Your new test API key, { $id }
dash-new-key-heading-live = Your new live API key, { $id }
dash-new-key-copy = Copy it into your server's configuration now: it is not shown again.
# The label of the table of keys, for screen readers.
dash-keys-label = Your API keys
dash-col-id = Id
dash-col-key = Key
# $at is a date and time.
dash-key-revoked-at = revoked { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = Revoke { $id }
dash-key-revoke = Revoke
dash-no-keys = No API keys yet.
dash-live-key = A live key (<code>sk_live_…</code>)
dash-live-hint-test-only = This account takes test payments only: a live key is refused until it is enabled for live payments.
dash-live-hint = Unchecked: a test key, which never touches a live payment.
dash-key-button = Make an API key
dash-key-live-refused = This account takes test payments only, so a live key would be refused on every request: no key was made. Make a test key instead.
dash-key-not-found = That API key was not found among this account's active keys: nothing was revoked.
dash-key-revoked = The API key is revoked: a request with it gets 401.

## Developers: webhook endpoints

dash-webhooks-heading = Webhook endpoints
dash-webhooks-hint = Each event is POSTed as JSON to the endpoints that subscribe to it, signed the Standard Webhooks way (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) with the endpoint's secret, and retried until your receiver answers 2xx. The secret is shown once, when it is made.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = The new secret of { $id }
dash-new-webhook-secret = The secret of your new endpoint, { $id }
dash-new-webhook-copy = Copy it into your webhook receiver now: it is not shown again.
# $until is a date and time.
dash-new-webhook-previous = The previous secret signs every delivery too until { $until }.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Your webhook endpoints
dash-col-endpoint = Endpoint
dash-col-events = Events
dash-col-secret = Secret
dash-col-actions = Actions
# $at is a date and time.
dash-endpoint-created = created { $at }
# $until is a date and time.
dash-endpoint-previous-until = previous secret valid until { $until }
dash-endpoint-one-secret = one secret
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = all events (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Rotate secret of { $id }
dash-endpoint-rotate = Rotate secret
dash-endpoint-delete-label = Delete { $id }
dash-endpoint-delete = Delete
dash-no-endpoints = No webhook endpoints yet.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Newest deliveries to { $id }
dash-deliveries-none = Nothing sent to it yet.
dash-col-event-payment = Event and payment
dash-col-last-answer = Last answer
dash-col-action = Action
# $payment is the payment's id, linked to its page.
dash-delivery-payment = payment { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Send again: delivery { $id }, { $event }
dash-delivery-resend = Send again
dash-webhook-form-heading = Add an endpoint
dash-webhook-url = Endpoint URL
dash-webhook-url-hint = Where your receiver listens: an https URL on a public host, at the default port.
dash-events-legend = Events to send
dash-events-hint = All events includes the types added later.
dash-events-all = All events (<code>*</code>)
dash-webhook-button = Add the endpoint
dash-webhook-url-missing = Enter the URL your webhook receiver listens on.
# $max is a number of characters.
dash-webhook-url-too-long = The URL must be at most { $max } characters.
dash-webhook-url-not-https = The URL must be an absolute https URL.
dash-webhook-url-bad-characters = The URL must not contain spaces, backslashes or control characters.
dash-webhook-url-userinfo = The URL must not contain a user name or password.
dash-webhook-url-private = The URL must name a public host.
dash-webhook-url-port = The URL must use the default port.
dash-webhook-url-bad-host = The URL has a host name that is not a valid DNS name.
dash-webhook-events-missing = Choose at least one event, or all events.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = "{ $event }" is not an event type; the types are { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = This account already has { $max } endpoints, the most it may have: delete one first.
dash-webhook-not-saved = Nothing was saved: correct the form below.
dash-webhook-not-found = That endpoint or delivery was not found among this account's: nothing was done.
dash-endpoint-deleted = The endpoint is deleted: nothing more is sent to it.
dash-delivery-resent = The delivery is being sent again.

## Developers: callback delivery

dash-delivery-heading = Callback delivery, last 24 hours
dash-delivery-warning = Your storefront's callback endpoint is failing or slow: callbacks are being retried, and one that runs out of retries gives up.
dash-delivery-attempts-label = Attempts
dash-delivery-answered = Answered 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate } %
dash-delivery-no-attempts = no attempts
dash-delivery-answer-time = Answer time
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = median { $p50 }, 95th percentile { $p95 }
dash-delivery-waiting-label = Waiting
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, the oldest created { $age ->
    [one] { $age } second
   *[other] { $age } seconds
} ago
dash-delivery-waiting-minutes = { $waiting }, the oldest created { $age ->
    [one] { $age } minute
   *[other] { $age } minutes
} ago
dash-delivery-waiting-hours = { $waiting }, the oldest created { $age ->
    [one] { $age } hour
   *[other] { $age } hours
} ago
dash-delivery-waiting-days = { $waiting }, the oldest created { $age ->
    [one] { $age } day
   *[other] { $age } days
} ago
dash-delivery-gave-up-label = Gave up
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Send the callback that gave up again
   *[other] Send the { $count } callbacks that gave up again
}
dash-resent-none = No callback had given up: nothing was sent.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } callback is being sent again.
   *[other] { $count } callbacks are being sent again.
}

## Developers: refused signatures

dash-rejections-heading = Refused signatures
dash-rejections-hint = Requests of the last 7 days whose signature did not verify (at most 100), with what the storefront most likely did wrong. Only field names are kept, never values.
dash-col-path = Path
dash-col-diagnosis = Diagnosis
dash-col-fields = Fields sent
dash-no-rejections = No refused signatures in the last 7 days.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Sign with the current secret; the one used has expired or been revoked.
dash-diagnosis-non-x-fields-included = Sign only the fields whose names start with x_.
dash-diagnosis-signature-field-included = Leave the x_signature field itself out of the signed message.
dash-diagnosis-unsorted-fields = Sort the fields by name in byte order before signing.
dash-diagnosis-separators-used = Put each value directly after its name and each pair directly after the last, with no = or & between them.
dash-diagnosis-encoded-values = Sign the decoded field values, not their percent-encoded form.
dash-diagnosis-empty-fields-dropped = Include the x_ fields that are sent with an empty value, as their name alone.
dash-diagnosis-wrong-algorithm = Sign with HMAC-SHA256 keyed with the secret and send its hex digest.
dash-diagnosis-secret-decoded = Use the secret text exactly as given as the HMAC key, without hex or base64 decoding it.
dash-diagnosis-unknown = Sign every x_ field except x_signature, sorted by name, each name followed by its value, with HMAC-SHA256 under the current secret.

## Error pages

dash-error-heading = This cannot be done
dash-error-malformed = The request is malformed.
dash-error-not-found = This page does not exist.
dash-error-conflict = Something changed at the same time. Reload the page and try again.
dash-error-too-large = The form is too large.
dash-error-timeout = The request took too long to arrive.
dash-error-rate-limited = Too many requests from here in a short time. Wait a moment and try again.
dash-error-deadline = This took too long to answer. Reload the page to see whether the change was made before you try again.
dash-error-unsupported = The request must be sent as a form.
dash-error-invalid = The form has an invalid value.
dash-error-forbidden = This form was not sent from this dashboard, so nothing was changed.
dash-error-unexpected = Something went wrong on our side. Please try again in a moment.
dash-error-other = This request cannot be processed.
dash-error-detail = Details for developers
dash-error-field = Field
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Reference for support: { $id }
dash-error-back = Back to the dashboard
