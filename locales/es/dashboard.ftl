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
dash-title-suffix = Panel de Offsite Gateway
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Panel
dash-nav-overview = Resumen
dash-nav-payments = Pagos
dash-nav-credentials = Credenciales
dash-nav-settings = Configuración
dash-nav-developers = Desarrolladores
dash-nav-password = Contraseña
dash-logout = Cerrar sesión
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = ID de cuenta
dash-mode = Modo
# A payment's or a key's mode.
dash-mode-test = prueba
dash-mode-live = producción
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = venta
dash-type-authorization = autorización
# A payment's status, beside or instead of its protocol code.
dash-status-open = abierto
dash-status-challenge = autenticación 3-D Secure
dash-status-pending = pendiente
dash-status-authorized = autorizado
dash-status-captured = capturado
dash-status-failed = fallido
dash-status-cancelled = cancelado
dash-status-voided = anulado
dash-status-expired = vencido
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = sin respuesta
dash-answer-not-attempted = aún no se ha intentado
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Fecha (UTC)
dash-col-created = Fecha de creación (UTC)
dash-col-from = Origen
dash-col-status = Estado
dash-col-mode = Modo
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Su tarjeta fue rechazada.
dash-reason-insufficient-funds = Fondos insuficientes.
dash-reason-error = No se pudo procesar el pago.
dash-reason-challenge-failed = Falló la autenticación 3-D Secure.
dash-test-only-note = Esta cuenta solo acepta pagos de prueba (x_test=true): esta pasarela no tiene procesador de pagos reales, por lo que x_test=false se rechaza con live_mode_unavailable y no se realiza ningún cargo.

## Logging in, the setup link, passwords

dash-login-title = Iniciar sesión
dash-login-heading = Inicie sesión en su panel
dash-email = Correo electrónico
dash-password = Contraseña
dash-login-button = Iniciar sesión
dash-login-lost = ¿Olvidó su contraseña? Pida un nuevo enlace de configuración al operador de su pasarela.
dash-login-welcome = Su contraseña está configurada. Inicie sesión con ella.
dash-login-ended = Ha cerrado la sesión.
dash-login-invalid = El correo electrónico o la contraseña no son correctos.
# $minutes is how long the login stays locked.
dash-login-locked = Demasiados intentos fallidos de inicio de sesión. Espere { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} y vuelva a intentarlo.
dash-setup-title = Establezca su contraseña
# $email is the user's email address, in bold.
dash-setup-for = Para { $email }. Este enlace solo funciona una vez.
dash-setup-button = Establecer contraseña
dash-link-gone-heading = Este enlace no funciona
dash-link-gone = El enlace de configuración venció o ya se usó. Pida uno nuevo al operador de su pasarela.
dash-go-to-login = Ir a la página de inicio de sesión
dash-new-password = Nueva contraseña
dash-new-password-hint = Al menos 12 caracteres.
dash-new-password-again = Repita la nueva contraseña
dash-password-mismatch = Las dos contraseñas no coinciden.
dash-password-too-short = La contraseña debe tener al menos 12 caracteres.
dash-password-too-long = La contraseña es demasiado larga.
dash-password-title = Contraseña
dash-password-heading = Cambie su contraseña
dash-password-sessions = Al cambiarla, se cierran sus otras sesiones.
dash-current-password = Contraseña actual
dash-password-button = Cambiar contraseña
dash-password-wrong = La contraseña actual no es correcta.
dash-password-changed = Se cambió su contraseña; sus otras sesiones se cerraron.

## The overview

dash-overview-title = Resumen
dash-mode-test-only = solo pagos de prueba
dash-mode-test-and-live = pagos de prueba y reales
dash-audit-heading = Registro de auditoría
dash-audit-hint = Todos los eventos de credenciales, configuración e inicio de sesión de esta cuenta, del más reciente al más antiguo.
dash-col-event = Evento
dash-col-who = Usuario
dash-col-detail = Detalle

## Credentials

dash-credentials-title = Credenciales
dash-secret = Secreto
# $version is the secret's version number (1, 2, …).
dash-secret-version = versión { $version }, solo se muestra al crearse
dash-previous-secret = Secreto anterior
# $until is a date and time.
dash-previous-verifies-until = se acepta en la verificación hasta el { $until }
dash-new-secret-heading = Su nuevo secreto
dash-new-secret-copy = Cópielo ahora en la configuración de su tienda: solo se muestra esta vez.
dash-rotate-heading = Rotar el secreto
dash-rotate-text = Se crea un nuevo secreto; el actual se sigue aceptando durante el período de superposición que elija, para que su tienda pueda cambiar sin pagos rechazados. Las respuestas y los callbacks se firman con el secreto que firmó cada solicitud.
dash-rotate-previous-valid = Todavía hay un secreto anterior válido: revóquelo antes de volver a rotar.
dash-overlap = Período de superposición, en segundos
dash-overlap-hint = De 60 (1 minuto) a 604800 (7 días); 3600 es una hora y 86400, un día.
dash-rotate-button = Rotar el secreto
dash-revoke-heading = Revocar el secreto anterior
dash-revoke-text = Cuando su tienda ya use el nuevo secreto, finalice ahora el período de superposición.
dash-revoke-button = Revocar el secreto anterior
dash-overlap-not-number = El período de superposición debe ser un número de segundos.
dash-overlap-out-of-range = El período de superposición debe estar entre 1 minuto y 7 días.
# $until is a date and time.
dash-previous-still-valid = El secreto anterior todavía es válido (hasta el { $until }); revóquelo antes de volver a rotar.
dash-no-valid-previous = No hay ningún secreto anterior que siga siendo válido.
dash-no-such-merchant = Ningún comercio tiene este ID de cuenta.
dash-previous-revoked = El secreto anterior ya no se acepta.

## Settings

dash-settings-title = Configuración
dash-return-hosts = Hosts permitidos para las URL de retorno y de callback
dash-return-hosts-hint = Uno por línea: <code>shop.example.com</code>, o <code>*.shop.example.com</code> para sus subdominios. Se rechaza toda solicitud de pago cuyo x_url_complete, x_url_cancel o x_url_callback use otro host. Si se deja vacío, se permite cualquier host.
dash-frame-origins = Orígenes que pueden insertar la página de pago
dash-frame-origins-hint = Uno por línea, como <code>https://shop.example.com</code>. Las sesiones creadas con <code>ui_mode: embedded</code> y las páginas de pago abiertas con <code>?embed=1</code> solo pueden insertarse en páginas de estos orígenes.
dash-settings-button = Guardar configuración
dash-settings-saved = Configuración guardada.
# $entry is a line of the form, as typed.
dash-settings-bad-host = No se guardó nada: “{ $entry }” no es un nombre de host (letras, dígitos, guiones y puntos, o *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = No se guardó nada: “{ $entry }” no es un origen como https://shop.example.com (https, sin ruta).
# $max is the most lines a list may have.
dash-settings-too-many = No se guardó nada: como máximo { $max } entradas.

## The payments list

dash-payments-title = Pagos
dash-status = Estado
# The status filter's choice that filters nothing.
dash-status-any = Todos
dash-reference = Referencia
dash-from = Desde (UTC)
dash-to = Hasta (UTC)
dash-filter-button = Filtrar
dash-filter-clear = Borrar
# $count is how many payments this page lists.
dash-payments-hint = Los más recientes primero, { $count ->
    [one] { $count } pago en esta página
   *[other] { $count } pagos en esta página
}. Los importes están en la moneda de cada pago.
dash-col-reference = Referencia
dash-col-amount = Importe
dash-col-card = Tarjeta
dash-no-payments = Ningún pago coincide.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Más pagos
dash-newest-page = Pagos más recientes
dash-older-page = Pagos anteriores
dash-payments-bad-status = No se mostró ningún pago: estado desconocido.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = No se mostró ningún pago: “Desde” debe ser un día como 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = No se mostró ningún pago: “Hasta” debe ser un día como 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Pago { $reference }
dash-all-payments = Todos los pagos
dash-amount = Importe
dash-type = Tipo
dash-card-label = Tarjeta
dash-captured = Capturado
dash-refunded = Reembolsado
dash-created = Fecha de creación (UTC)
dash-gateway-reference = Referencia de la pasarela
dash-payment-id = ID del pago
dash-operations-heading = Capturar, reembolsar o anular
dash-operations-hint = Cada operación se firma, se notifica a la URL de callback de su tienda y queda anotada en el registro de auditoría.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Importe a capturar, en { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = Como máximo { $max }, el importe autorizado que aún no se ha capturado.
dash-capture-button = Capturar
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Importe a reembolsar, en { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = Como máximo { $max }, el importe capturado que aún no se ha reembolsado.
dash-refund-button = Reembolsar
dash-void-text = Libere toda la autorización: después ya no se podrá capturar nada de ella.
dash-void-button = Anular la autorización
# $status is the payment's status in words (captured, voided …).
dash-no-operations = No se puede capturar, reembolsar ni anular nada mientras el pago esté en estado { $status }.
dash-done-capture = Se realizó la captura.
dash-done-refund = Se realizó el reembolso.
dash-done-void = Se anuló la autorización.
dash-done-resend = El callback se está enviando de nuevo.
# $why is the gateway's technical reason, in English.
dash-operation-refused = No se hizo nada: { $why }.
dash-timeline-heading = Cronología
dash-callbacks-heading = Callbacks
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $result } para { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = A { $url }, puesto en cola el { $queued }.
dash-callback-not-attempted = Aún no se ha intentado.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Intentos del callback { $id }
dash-col-attempt = Intento
dash-col-answer = Respuesta
dash-col-time-taken = Duración
dash-callback-resend = Volver a enviar el callback { $id }
dash-no-callbacks = Todavía no hay callbacks para este pago.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Solicitud de pago recibida: { $amount }, { $type }, { $mode }
dash-event-page-shown = Página de pago mostrada por primera vez
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Intento { $attempt } con tarjeta ({ $brand } ···· { $last4 }): aprobado
dash-event-charge-declined = Intento { $attempt } con tarjeta ({ $brand } ···· { $last4 }): rechazado
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Intento { $attempt } con tarjeta ({ $brand } ···· { $last4 }): rechazado — { $why }
dash-event-charge-pending = Intento { $attempt } con tarjeta ({ $brand } ···· { $last4 }): pendiente en el procesador
dash-event-charge-challenge = Intento { $attempt } con tarjeta ({ $brand } ···· { $last4 }): desafío 3-D Secure solicitado
dash-event-charge-error = Intento { $attempt } con tarjeta ({ $brand } ···· { $last4 }): error del procesador
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Intento { $attempt } con tarjeta ({ $brand } ···· { $last4 }): error del procesador — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = Autenticación 3-D Secure del intento { $attempt } superada
dash-event-3ds-failed = Autenticación 3-D Secure del intento { $attempt } fallida
dash-event-3ds-failed-why = Autenticación 3-D Secure del intento { $attempt } fallida — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Resultado: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Resultado: { $result } — { $why }
dash-event-cancelled = Cancelado por el cliente
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Captura de { $amount } ({ $operation })
dash-event-refund = Reembolso de { $amount } ({ $operation })
dash-event-void = Anulación ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } puesto en cola ({ $result }) hacia { $url }
dash-event-callback-operation = Callback { $id } puesto en cola ({ $result } para { $operation }) hacia { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, intento { $attempt }: HTTP { $status } en { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, intento { $attempt }: { $error } tras { $ms } ms
dash-event-attempt-none = Callback { $callback }, intento { $attempt }: sin respuesta tras { $ms } ms

## Developers: API keys

dash-developers-title = Desarrolladores
dash-keys-heading = Claves de API
dash-keys-hint = Su servidor llama a la <a>API de sesiones</a> con <code>Authorization: Bearer</code> y una de estas claves. Una clave de prueba (<code>sk_test_…</code>) solo crea y ve pagos de prueba. Solo se guarda un hash de cada clave: la clave se muestra una sola vez, al crearla.
# $id is the key's id.
dash-new-key-heading-test = Su nueva clave de API de prueba, { $id }
dash-new-key-heading-live = Su nueva clave de API de producción, { $id }
dash-new-key-copy = Cópiela ahora en la configuración de su servidor: no se volverá a mostrar.
# The label of the table of keys, for screen readers.
dash-keys-label = Sus claves de API
dash-col-id = ID
dash-col-key = Clave
# $at is a date and time.
dash-key-revoked-at = revocada el { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = Revocar { $id }
dash-key-revoke = Revocar
dash-no-keys = Todavía no hay claves de API.
dash-live-key = Una clave de producción (<code>sk_live_…</code>)
dash-live-hint-test-only = Esta cuenta solo acepta pagos de prueba: una clave de producción se rechaza hasta que la cuenta esté habilitada para pagos reales.
dash-live-hint = Sin marcar: una clave de prueba, que nunca afecta a un pago real.
dash-key-button = Crear una clave de API
dash-key-live-refused = Esta cuenta solo acepta pagos de prueba, por lo que una clave de producción se rechazaría en cada solicitud: no se creó ninguna clave. Cree una clave de prueba en su lugar.
dash-key-not-found = Esa clave de API no se encontró entre las claves activas de esta cuenta: no se revocó nada.
dash-key-revoked = La clave de API está revocada: toda solicitud que la use recibe 401.

## Developers: webhook endpoints

dash-webhooks-heading = Puntos de conexión de webhook
dash-webhooks-hint = Cada evento se envía mediante POST como JSON a los puntos de conexión suscritos a él, firmado según Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) con el secreto del punto de conexión, y se reintenta hasta que su receptor responda con 2xx. El secreto se muestra una sola vez, al crearlo.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = El nuevo secreto de { $id }
dash-new-webhook-secret = El secreto de su nuevo punto de conexión, { $id }
dash-new-webhook-copy = Cópielo ahora en su receptor de webhooks: no se volverá a mostrar.
# $until is a date and time.
dash-new-webhook-previous = El secreto anterior también firma cada entrega hasta el { $until }.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Sus puntos de conexión de webhook
dash-col-endpoint = Punto de conexión
dash-col-events = Eventos
dash-col-secret = Secreto
dash-col-actions = Acciones
# $at is a date and time.
dash-endpoint-created = creado el { $at }
# $until is a date and time.
dash-endpoint-previous-until = secreto anterior válido hasta el { $until }
dash-endpoint-one-secret = un solo secreto
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = todos los eventos (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Rotar el secreto de { $id }
dash-endpoint-rotate = Rotar el secreto
dash-endpoint-delete-label = Eliminar { $id }
dash-endpoint-delete = Eliminar
dash-no-endpoints = Todavía no hay puntos de conexión de webhook.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Entregas más recientes a { $id }
dash-deliveries-none = Todavía no se le ha enviado nada.
dash-col-event-payment = Evento y pago
dash-col-last-answer = Última respuesta
dash-col-action = Acción
# $payment is the payment's id, linked to its page.
dash-delivery-payment = pago { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } intento
   *[other] { $count } intentos
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Volver a enviar: entrega { $id }, { $event }
dash-delivery-resend = Volver a enviar
dash-webhook-form-heading = Agregar un punto de conexión
dash-webhook-url = URL del punto de conexión
dash-webhook-url-hint = Donde escucha su receptor: una URL https en un host público, en el puerto predeterminado.
dash-events-legend = Eventos que se enviarán
dash-events-hint = “Todos los eventos” incluye los tipos que se agreguen más adelante.
dash-events-all = Todos los eventos (<code>*</code>)
dash-webhook-button = Agregar el punto de conexión
dash-webhook-url-missing = Indique la URL en la que escucha su receptor de webhooks.
# $max is a number of characters.
dash-webhook-url-too-long = La URL debe tener como máximo { $max } caracteres.
dash-webhook-url-not-https = La URL debe ser una URL https absoluta.
dash-webhook-url-bad-characters = La URL no debe contener espacios, barras invertidas ni caracteres de control.
dash-webhook-url-userinfo = La URL no debe contener un nombre de usuario ni una contraseña.
dash-webhook-url-private = La URL debe indicar un host público.
dash-webhook-url-port = La URL debe usar el puerto predeterminado.
dash-webhook-url-bad-host = El nombre de host de la URL no es un nombre DNS válido.
dash-webhook-events-missing = Elija al menos un evento, o todos los eventos.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = “{ $event }” no es un tipo de evento; los tipos son { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = Esta cuenta ya tiene { $max } puntos de conexión, el máximo permitido: elimine uno primero.
dash-webhook-not-saved = No se guardó nada: corrija el formulario que aparece a continuación.
dash-webhook-not-found = Ese punto de conexión o esa entrega no se encontró entre los de esta cuenta: no se hizo nada.
dash-endpoint-deleted = Se eliminó el punto de conexión: ya no se le enviará nada.
dash-delivery-resent = La entrega se está enviando de nuevo.

## Developers: callback delivery

dash-delivery-heading = Entrega de callbacks, últimas 24 horas
dash-delivery-warning = El punto de conexión de callback de su tienda está fallando o responde con lentitud: los callbacks se están reintentando, y el que agota sus reintentos se abandona.
dash-delivery-attempts-label = Intentos
dash-delivery-answered = Respondidos con 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate } %
dash-delivery-no-attempts = sin intentos
dash-delivery-answer-time = Tiempo de respuesta
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = mediana { $p50 }, percentil 95 { $p95 }
dash-delivery-waiting-label = En espera
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, el más antiguo creado hace { $age ->
    [one] { $age } segundo
   *[other] { $age } segundos
}
dash-delivery-waiting-minutes = { $waiting }, el más antiguo creado hace { $age ->
    [one] { $age } minuto
   *[other] { $age } minutos
}
dash-delivery-waiting-hours = { $waiting }, el más antiguo creado hace { $age ->
    [one] { $age } hora
   *[other] { $age } horas
}
dash-delivery-waiting-days = { $waiting }, el más antiguo creado hace { $age ->
    [one] { $age } día
   *[other] { $age } días
}
dash-delivery-gave-up-label = Abandonados
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Volver a enviar el callback abandonado
   *[other] Volver a enviar los { $count } callbacks abandonados
}
dash-resent-none = Ningún callback se había abandonado: no se envió nada.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } callback se está enviando de nuevo.
   *[other] { $count } callbacks se están enviando de nuevo.
}

## Developers: refused signatures

dash-rejections-heading = Firmas rechazadas
dash-rejections-hint = Solicitudes de los últimos 7 días cuya firma no se pudo verificar (como máximo 100), con lo que la tienda probablemente hizo mal. Solo se guardan los nombres de los campos, nunca sus valores.
dash-col-path = Ruta
dash-col-diagnosis = Diagnóstico
dash-col-fields = Campos enviados
dash-no-rejections = No hay firmas rechazadas en los últimos 7 días.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Firme con el secreto actual; el que se usó venció o fue revocado.
dash-diagnosis-non-x-fields-included = Firme solo los campos cuyo nombre empieza por x_.
dash-diagnosis-signature-field-included = Excluya el propio campo x_signature del mensaje firmado.
dash-diagnosis-unsorted-fields = Ordene los campos por nombre, en orden de bytes, antes de firmar.
dash-diagnosis-separators-used = Coloque cada valor justo después de su nombre y cada par justo después del anterior, sin = ni & entre ellos.
dash-diagnosis-encoded-values = Firme los valores decodificados de los campos, no su forma codificada con porcentajes.
dash-diagnosis-empty-fields-dropped = Incluya los campos x_ que se envían con un valor vacío, solo con su nombre.
dash-diagnosis-wrong-algorithm = Firme con HMAC-SHA256 usando el secreto como clave y envíe el resumen en hexadecimal.
dash-diagnosis-secret-decoded = Use el texto del secreto exactamente como se proporcionó como clave HMAC, sin decodificarlo de hexadecimal ni de base64.
dash-diagnosis-unknown = Firme todos los campos x_ excepto x_signature, ordenados por nombre, cada nombre seguido de su valor, con HMAC-SHA256 y el secreto actual como clave.

## Error pages

dash-error-heading = No se puede realizar esta acción
dash-error-malformed = La solicitud tiene un formato incorrecto.
dash-error-not-found = Esta página no existe.
dash-error-conflict = Algo cambió al mismo tiempo. Vuelva a cargar la página e inténtelo de nuevo.
dash-error-too-large = El formulario es demasiado grande.
dash-error-timeout = La solicitud tardó demasiado en llegar.
dash-error-rate-limited = Demasiadas solicitudes desde aquí en poco tiempo. Espere un momento e inténtelo de nuevo.
dash-error-deadline = La respuesta tardó demasiado. Vuelva a cargar la página para comprobar si el cambio se realizó antes de intentarlo de nuevo.
dash-error-unsupported = La solicitud debe enviarse como formulario.
dash-error-invalid = El formulario contiene un valor no válido.
dash-error-forbidden = Este formulario no se envió desde este panel, por lo que no se cambió nada.
dash-error-unexpected = Se produjo un error por nuestra parte. Inténtelo de nuevo en unos momentos.
dash-error-other = No se puede procesar esta solicitud.
dash-error-detail = Detalles para desarrolladores
dash-error-field = Campo
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Referencia para soporte: { $id }
dash-error-back = Volver al panel
