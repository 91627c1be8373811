# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Test mode: no real money moves, and this account takes test payments only. Try card 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Pay { $shop }
amount-label = Amount
description-label = For
reference-label = Order
card-heading = Card details
cardholder-name = Name on card
card-number = Card number
card-number-hint = The long number on the front of your card.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Card type: { $brand }
card-expiry = Expiry date
card-expiry-hint = MM/YY, for example 04/29.
card-cvc = Security code
card-cvc-hint = 3 digits on the back, or 4 on the front of American Express cards.
card-cvc-hint-amex = 4 digits on the front of the card.
card-cvc-hint-other = 3 digits on the back of the card.
# $amount is the formatted amount with its currency.
pay-button = Pay { $amount }
cancel-link = Cancel and return to { $shop }
fix-fields = Please correct the fields marked below.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } You can try again or use another card ({ $left ->
    [one] one attempt left
   *[other] { $left } attempts left
}).
holder-missing = Enter the name shown on the card.
number-missing = Enter the card number.
number-invalid = This card number is not valid. Check it and try again.
expiry-missing = Enter the expiry date.
expiry-format = Enter the expiry date as MM/YY.
expiry-past = This card has expired.
cvc-missing = Enter the security code.
cvc-format = The security code is 3 digits (4 for American Express).
cvc-format-amex = The security code of an American Express card is the 4 digits on its front.
cvc-format-other = The security code is the 3 digits on the back of the card.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Card
decline-declined = Your card was declined.
decline-insufficient-funds = Insufficient funds.
decline-error = The payment could not be processed.
decline-challenge-failed = 3-D Secure authentication failed.
challenge-heading = Confirm this payment
challenge-text = Your card issuer asks you to confirm this payment (simulated 3-D Secure).
challenge-approve = Approve payment
challenge-deny = Deny
outcome-completed = Payment complete. Thank you!
outcome-authorized = Payment authorized. The shop will capture it when your order ships.
outcome-pending = Payment received and being confirmed. The shop will be told when it completes.
outcome-failed = The payment failed.
outcome-cancelled = The payment was cancelled.
outcome-voided = The authorization was released; nothing was charged.
outcome-expired = This payment expired before it was paid; nothing was charged.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Card: { $brand } ending { $last4 }
return-link = Return to { $shop }
error-heading = This payment request cannot be processed
error-field = Field
error-detail = Details for the shop's developer
error-next = Please go back to the shop and try again. If it keeps happening, contact the shop.
# Before the request id on an error page: what to quote to support.
error-request-id = Reference for support
error-malformed = The payment request is malformed.
error-signature = The payment request's signature is not valid.
error-unknown-account = The shop's account is not known to this gateway.
error-not-found = This page does not exist.
error-conflict = This order already has a different payment.
error-too-large = The payment request is too large.
error-timeout = The request took too long to arrive.
error-rate-limited = Too many requests from here in a short time. Wait a moment and try again.
error-deadline = This took too long to answer. If you were paying, open the payment page again to see whether the payment went through before paying again.
error-unsupported = The payment request must be sent as a form.
error-invalid = The payment request has an invalid value.
error-forbidden = This form was not submitted from this payment page.
error-live-mode = This gateway takes test payments only: no live payment can be made yet.
error-unexpected = Something went wrong on our side. Please try again in a moment.
index-heading = offsite-gateway
index-text = A hosted payment gateway for storefront platforms, speaking the x_ offsite protocol.
