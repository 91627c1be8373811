# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Modo de prueba: no se mueve dinero real y esta cuenta solo acepta pagos de prueba. Pruebe con la tarjeta 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Pagar a { $shop }
amount-label = Importe
description-label = Descripción
reference-label = Pedido
card-heading = Datos de la tarjeta
cardholder-name = Nombre del titular de la tarjeta
card-number = Número de tarjeta
card-number-hint = El número largo que aparece en el anverso de la tarjeta.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Tipo de tarjeta: { $brand }
card-expiry = Fecha de vencimiento
card-expiry-hint = MM/AA, por ejemplo 04/29.
card-cvc = Código de seguridad
card-cvc-hint = 3 dígitos en el reverso, o 4 en el anverso de las tarjetas American Express.
card-cvc-hint-amex = 4 dígitos en el anverso de la tarjeta.
card-cvc-hint-other = 3 dígitos en el reverso de la tarjeta.
# $amount is the formatted amount with its currency.
pay-button = Pagar { $amount }
cancel-link = Cancelar y volver a { $shop }
fix-fields = Corrija los campos indicados a continuación.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } Puede intentarlo de nuevo o usar otra tarjeta ({ $left ->
    [one] queda un intento
   *[other] quedan { $left } intentos
}).
holder-missing = Indique el nombre que figura en la tarjeta.
number-missing = Indique el número de tarjeta.
number-invalid = Este número de tarjeta no es válido. Verifíquelo e inténtelo de nuevo.
expiry-missing = Indique la fecha de vencimiento.
expiry-format = Indique la fecha de vencimiento con el formato MM/AA.
expiry-past = Esta tarjeta está vencida.
cvc-missing = Indique el código de seguridad.
cvc-format = El código de seguridad tiene 3 dígitos (4 en American Express).
cvc-format-amex = El código de seguridad de una tarjeta American Express son los 4 dígitos del anverso.
cvc-format-other = El código de seguridad son los 3 dígitos del reverso de la tarjeta.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Tarjeta
decline-declined = Su tarjeta fue rechazada.
decline-insufficient-funds = Fondos insuficientes.
decline-error = No se pudo procesar el pago.
decline-challenge-failed = Falló la autenticación 3-D Secure.
challenge-heading = Confirme este pago
challenge-text = El emisor de su tarjeta le pide que confirme este pago (3-D Secure simulado).
challenge-approve = Aprobar el pago
challenge-deny = Rechazar
outcome-completed = Pago completado. ¡Gracias!
outcome-authorized = Pago autorizado. La tienda hará el cobro cuando se envíe su pedido.
outcome-pending = Pago recibido y en proceso de confirmación. Se avisará a la tienda cuando se complete.
outcome-failed = El pago no se pudo completar.
outcome-cancelled = El pago se canceló.
outcome-voided = Se liberó la autorización; no se realizó ningún cargo.
outcome-expired = Este pago venció antes de pagarse; no se realizó ningún cargo.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Tarjeta: { $brand } terminada en { $last4 }
return-link = Volver a { $shop }
error-heading = No se puede procesar esta solicitud de pago
error-field = Campo
error-detail = Detalles para el desarrollador de la tienda
error-next = Vuelva a la tienda e inténtelo de nuevo. Si el problema persiste, póngase en contacto con la tienda.
# Before the request id on an error page: what to quote to support.
error-request-id = Referencia para soporte
error-malformed = La solicitud de pago tiene un formato incorrecto.
error-signature = La firma de la solicitud de pago no es válida.
error-unknown-account = Esta pasarela no reconoce la cuenta de la tienda.
error-not-found = Esta página no existe.
error-conflict = Este pedido ya tiene otro pago.
error-too-large = La solicitud de pago es demasiado grande.
error-timeout = La solicitud tardó demasiado en llegar.
error-rate-limited = Demasiadas solicitudes desde aquí en poco tiempo. Espere un momento e inténtelo de nuevo.
error-deadline = La respuesta tardó demasiado. Si estaba pagando, vuelva a abrir la página de pago para comprobar si el pago se realizó antes de pagar de nuevo.
error-unsupported = La solicitud de pago debe enviarse como formulario.
error-invalid = La solicitud de pago contiene un valor no válido.
error-forbidden = Este formulario no se envió desde esta página de pago.
error-live-mode = Esta pasarela solo acepta pagos de prueba: todavía no se pueden realizar pagos reales.
error-unexpected = Se produjo un error por nuestra parte. Inténtelo de nuevo en unos momentos.
index-heading = offsite-gateway
index-text = Una pasarela de pago alojada para plataformas de comercio electrónico, compatible con el protocolo offsite x_.
