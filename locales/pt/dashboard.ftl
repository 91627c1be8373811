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
dash-title-suffix = Painel do Offsite Gateway
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Painel
dash-nav-overview = Visão geral
dash-nav-payments = Pagamentos
dash-nav-credentials = Credenciais
dash-nav-settings = Configurações
dash-nav-developers = Desenvolvedores
dash-nav-password = Senha
dash-logout = Sair
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = ID da conta
dash-mode = Modo
# A payment's or a key's mode.
dash-mode-test = teste
dash-mode-live = produção
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = venda
dash-type-authorization = autorização
# A payment's status, beside or instead of its protocol code.
dash-status-open = aberto
dash-status-challenge = em desafio 3-D Secure
dash-status-pending = pendente
dash-status-authorized = autorizado
dash-status-captured = capturado
dash-status-failed = com falha
dash-status-cancelled = cancelado
dash-status-voided = autorização liberada
dash-status-expired = expirado
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = sem resposta
dash-answer-not-attempted = ainda não tentado
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Quando (UTC)
dash-col-created = Criado em (UTC)
dash-col-from = Origem
dash-col-status = Status
dash-col-mode = Modo
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Seu cartão foi recusado.
dash-reason-insufficient-funds = Saldo insuficiente.
dash-reason-error = Não foi possível processar o pagamento.
dash-reason-challenge-failed = Falha na autenticação 3-D Secure.
dash-test-only-note = Esta conta aceita apenas pagamentos de teste (x_test=true): este gateway não tem processador de produção, então x_test=false é recusado com live_mode_unavailable e nada é cobrado.

## Logging in, the setup link, passwords

dash-login-title = Entrar
dash-login-heading = Entre no seu painel
dash-email = E-mail
dash-password = Senha
dash-login-button = Entrar
dash-login-lost = Esqueceu sua senha? Peça ao operador do gateway um novo link de configuração.
dash-login-welcome = Sua senha foi definida. Entre com ela.
dash-login-ended = Você saiu do painel.
dash-login-invalid = O e-mail ou a senha estão incorretos.
# $minutes is how long the login stays locked.
dash-login-locked = Muitas tentativas de login sem sucesso. Aguarde { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} e tente novamente.
dash-setup-title = Defina sua senha
# $email is the user's email address, in bold.
dash-setup-for = Para { $email }. Este link funciona apenas uma vez.
dash-setup-button = Definir senha
dash-link-gone-heading = Este link não funciona
dash-link-gone = O link de configuração expirou ou já foi usado. Peça um novo ao operador do gateway.
dash-go-to-login = Ir para a página de login
dash-new-password = Nova senha
dash-new-password-hint = Pelo menos 12 caracteres.
dash-new-password-again = Repita a nova senha
dash-password-mismatch = As duas senhas não são iguais.
dash-password-too-short = A senha precisa ter pelo menos 12 caracteres.
dash-password-too-long = A senha é longa demais.
dash-password-title = Senha
dash-password-heading = Altere sua senha
dash-password-sessions = Suas outras sessões são encerradas quando você a altera.
dash-current-password = Senha atual
dash-password-button = Alterar senha
dash-password-wrong = A senha atual está incorreta.
dash-password-changed = Sua senha foi alterada; suas outras sessões foram encerradas.

## The overview

dash-overview-title = Visão geral
dash-mode-test-only = apenas pagamentos de teste
dash-mode-test-and-live = pagamentos de teste e de produção
dash-audit-heading = Registro de auditoria
dash-audit-hint = Todos os eventos de credenciais, configurações e login desta conta, dos mais recentes para os mais antigos.
dash-col-event = Evento
dash-col-who = Quem
dash-col-detail = Detalhe

## Credentials

dash-credentials-title = Credenciais
dash-secret = Segredo
# $version is the secret's version number (1, 2, …).
dash-secret-version = versão { $version }, exibido apenas no momento em que é criado
dash-previous-secret = Segredo anterior
# $until is a date and time.
dash-previous-verifies-until = aceito na verificação até { $until }
dash-new-secret-heading = Seu novo segredo
dash-new-secret-copy = Copie-o agora para as configurações da sua loja: ele é exibido somente desta vez.
dash-rotate-heading = Renovar o segredo
dash-rotate-text = Um novo segredo é criado; o atual continua aceito na verificação durante o período de sobreposição que você escolher, para que sua loja possa fazer a troca sem pagamentos recusados. Respostas e callbacks são assinados com o segredo que assinou cada solicitação.
dash-rotate-previous-valid = Um segredo anterior ainda é válido: revogue-o antes de renovar novamente.
dash-overlap = Sobreposição, em segundos
dash-overlap-hint = De 60 (1 minuto) a 604800 (7 dias); 3600 é uma hora, 86400 é um dia.
dash-rotate-button = Renovar o segredo
dash-revoke-heading = Revogar o segredo anterior
dash-revoke-text = Quando sua loja já estiver usando o novo segredo, encerre a sobreposição agora.
dash-revoke-button = Revogar o segredo anterior
dash-overlap-not-number = A sobreposição deve ser um número de segundos.
dash-overlap-out-of-range = A sobreposição deve ficar entre 1 minuto e 7 dias.
# $until is a date and time.
dash-previous-still-valid = O segredo anterior ainda é válido (até { $until }); revogue-o antes de renovar novamente.
dash-no-valid-previous = Não há nenhum segredo anterior que ainda seja válido.
dash-no-such-merchant = Nenhum lojista tem este ID de conta.
dash-previous-revoked = O segredo anterior não é mais aceito na verificação.

## Settings

dash-settings-title = Configurações
dash-return-hosts = Hosts permitidos para URLs de retorno e de callback
dash-return-hosts-hint = Um por linha: <code>shop.example.com</code>, ou <code>*.shop.example.com</code> para os subdomínios dele. Uma solicitação de pagamento cujo x_url_complete, x_url_cancel ou x_url_callback use outro host é recusada. Com a lista vazia, qualquer host é permitido.
dash-frame-origins = Origens que podem incorporar a página de pagamento
dash-frame-origins-hint = Uma por linha, como <code>https://shop.example.com</code>. Sessões criadas com <code>ui_mode: embedded</code> e páginas de pagamento abertas com <code>?embed=1</code> só podem ser incorporadas em frames por essas origens.
dash-settings-button = Salvar configurações
dash-settings-saved = Configurações salvas.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Nada foi salvo: "{ $entry }" não é um nome de host (letras, dígitos, hifens e pontos, ou *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Nada foi salvo: "{ $entry }" não é uma origem como https://shop.example.com (https, sem caminho).
# $max is the most lines a list may have.
dash-settings-too-many = Nada foi salvo: no máximo { $max } entradas.

## The payments list

dash-payments-title = Pagamentos
dash-status = Status
# The status filter's choice that filters nothing.
dash-status-any = Qualquer um
dash-reference = Referência
dash-from = De (UTC)
dash-to = Até (UTC)
dash-filter-button = Filtrar
dash-filter-clear = Limpar
# $count is how many payments this page lists.
dash-payments-hint = Mais recentes primeiro, { $count ->
    [one] { $count } nesta página
   *[other] { $count } nesta página
}. Os valores estão na moeda de cada pagamento.
dash-col-reference = Referência
dash-col-amount = Valor
dash-col-card = Cartão
dash-no-payments = Nenhum pagamento corresponde aos filtros.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Mais pagamentos
dash-newest-page = Pagamentos mais recentes
dash-older-page = Pagamentos mais antigos
dash-payments-bad-status = Nada foi listado: status desconhecido.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Nada foi listado: "De" deve ser um dia como 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Nada foi listado: "Até" deve ser um dia como 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Pagamento { $reference }
dash-all-payments = Todos os pagamentos
dash-amount = Valor
dash-type = Tipo
dash-card-label = Cartão
dash-captured = Capturado
dash-refunded = Reembolsado
dash-created = Criado em (UTC)
dash-gateway-reference = Referência do gateway
dash-payment-id = ID do pagamento
dash-operations-heading = Capturar, reembolsar ou liberar a autorização
dash-operations-hint = Cada operação é assinada, informada à URL de callback da sua loja e gravada no registro de auditoria.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Valor a capturar, em { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = No máximo { $max }, o valor autorizado ainda não capturado.
dash-capture-button = Capturar
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = Valor a reembolsar, em { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = No máximo { $max }, o valor capturado ainda não reembolsado.
dash-refund-button = Reembolsar
dash-void-text = Libere a autorização inteira: depois disso, nada dela poderá ser capturado.
dash-void-button = Liberar a autorização
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Nada pode ser capturado, reembolsado ou liberado enquanto o status do pagamento for { $status }.
dash-done-capture = A captura foi realizada.
dash-done-refund = O reembolso foi realizado.
dash-done-void = A autorização foi liberada.
dash-done-resend = O callback está sendo reenviado.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Nada foi feito: { $why }.
dash-timeline-heading = Linha do tempo
dash-callbacks-heading = Callbacks
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $result } para { $operation }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = Para { $url }, enfileirado em { $queued }.
dash-callback-not-attempted = Ainda não tentado.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = Tentativas do callback { $id }
dash-col-attempt = Tentativa
dash-col-answer = Resposta
dash-col-time-taken = Duração
dash-callback-resend = Reenviar o callback { $id }
dash-no-callbacks = Ainda não há callbacks para este pagamento.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Solicitação de pagamento recebida: { $amount }, { $type }, { $mode }
dash-event-page-shown = Página de pagamento exibida pela primeira vez
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = Tentativa { $attempt } com cartão ({ $brand } ···· { $last4 }): aprovada
dash-event-charge-declined = Tentativa { $attempt } com cartão ({ $brand } ···· { $last4 }): recusada
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = Tentativa { $attempt } com cartão ({ $brand } ···· { $last4 }): recusada — { $why }
dash-event-charge-pending = Tentativa { $attempt } com cartão ({ $brand } ···· { $last4 }): pendente no processador
dash-event-charge-challenge = Tentativa { $attempt } com cartão ({ $brand } ···· { $last4 }): desafio 3-D Secure solicitado
dash-event-charge-error = Tentativa { $attempt } com cartão ({ $brand } ···· { $last4 }): erro do processador
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = Tentativa { $attempt } com cartão ({ $brand } ···· { $last4 }): erro do processador — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = 3-D Secure da tentativa { $attempt } aprovado
dash-event-3ds-failed = 3-D Secure da tentativa { $attempt } com falha
dash-event-3ds-failed-why = 3-D Secure da tentativa { $attempt } com falha — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Resultado: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Resultado: { $result } — { $why }
dash-event-cancelled = Cancelado pelo comprador
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = Captura de { $amount } ({ $operation })
dash-event-refund = Reembolso de { $amount } ({ $operation })
dash-event-void = Liberação da autorização ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } enfileirado ({ $result }) para { $url }
dash-event-callback-operation = Callback { $id } enfileirado ({ $result } para { $operation }) para { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, tentativa { $attempt }: HTTP { $status } em { $ms } ms
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, tentativa { $attempt }: { $error } em { $ms } ms
dash-event-attempt-none = Callback { $callback }, tentativa { $attempt }: sem resposta em { $ms } ms

## Developers: API keys

dash-developers-title = Desenvolvedores
dash-keys-heading = Chaves de API
dash-keys-hint = Seu servidor chama a <a>API de sessões</a> com <code>Authorization: Bearer</code> e uma destas chaves. Uma chave de teste (<code>sk_test_…</code>) cria e vê apenas pagamentos de teste. Só um hash de cada chave é guardado: ela é exibida uma única vez, quando é criada.
# $id is the key's id.
dash-new-key-heading-test = Sua nova chave de API de teste, { $id }
dash-new-key-heading-live = Sua nova chave de API de produção, { $id }
dash-new-key-copy = Copie-a agora para a configuração do seu servidor: ela não será exibida novamente.
# The label of the table of keys, for screen readers.
dash-keys-label = Suas chaves de API
dash-col-id = ID
dash-col-key = Chave
# $at is a date and time.
dash-key-revoked-at = revogada em { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = Revogar { $id }
dash-key-revoke = Revogar
dash-no-keys = Ainda não há chaves de API.
dash-live-key = Uma chave de produção (<code>sk_live_…</code>)
dash-live-hint-test-only = Esta conta aceita apenas pagamentos de teste: uma chave de produção é recusada até que a conta seja habilitada para pagamentos de produção.
dash-live-hint = Desmarcado: uma chave de teste, que nunca afeta um pagamento de produção.
dash-key-button = Criar uma chave de API
dash-key-live-refused = Esta conta aceita apenas pagamentos de teste, então uma chave de produção seria recusada em todas as solicitações: nenhuma chave foi criada. Crie uma chave de teste.
dash-key-not-found = Essa chave de API não foi encontrada entre as chaves ativas desta conta: nada foi revogado.
dash-key-revoked = A chave de API foi revogada: uma solicitação com ela recebe 401.

## Developers: webhook endpoints

dash-webhooks-heading = Endpoints de webhook
dash-webhooks-hint = Cada evento é enviado via POST, como JSON, aos endpoints inscritos nele, assinado no padrão Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) com o segredo do endpoint, e reenviado até que seu receptor responda 2xx. O segredo é exibido uma única vez, quando é criado.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = O novo segredo de { $id }
dash-new-webhook-secret = O segredo do seu novo endpoint, { $id }
dash-new-webhook-copy = Copie-o agora para o seu receptor de webhooks: ele não será exibido novamente.
# $until is a date and time.
dash-new-webhook-previous = O segredo anterior também assina todas as entregas até { $until }.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Seus endpoints de webhook
dash-col-endpoint = Endpoint
dash-col-events = Eventos
dash-col-secret = Segredo
dash-col-actions = Ações
# $at is a date and time.
dash-endpoint-created = criado em { $at }
# $until is a date and time.
dash-endpoint-previous-until = segredo anterior válido até { $until }
dash-endpoint-one-secret = um segredo
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = todos os eventos (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = Renovar segredo: { $id }
dash-endpoint-rotate = Renovar segredo
dash-endpoint-delete-label = Excluir { $id }
dash-endpoint-delete = Excluir
dash-no-endpoints = Ainda não há endpoints de webhook.
# $id is the endpoint's id, as code.
dash-deliveries-heading = Entregas mais recentes para { $id }
dash-deliveries-none = Nada foi enviado a ele ainda.
dash-col-event-payment = Evento e pagamento
dash-col-last-answer = Última resposta
dash-col-action = Ação
# $payment is the payment's id, linked to its page.
dash-delivery-payment = pagamento { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } tentativa
   *[other] { $count } tentativas
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Reenviar: entrega { $id }, { $event }
dash-delivery-resend = Reenviar
dash-webhook-form-heading = Adicionar um endpoint
dash-webhook-url = URL do endpoint
dash-webhook-url-hint = Onde seu receptor escuta: uma URL https em um host público, na porta padrão.
dash-events-legend = Eventos a enviar
dash-events-hint = "Todos os eventos" inclui os tipos adicionados no futuro.
dash-events-all = Todos os eventos (<code>*</code>)
dash-webhook-button = Adicionar o endpoint
dash-webhook-url-missing = Informe a URL em que seu receptor de webhooks escuta.
# $max is a number of characters.
dash-webhook-url-too-long = A URL deve ter no máximo { $max } caracteres.
dash-webhook-url-not-https = A URL deve ser uma URL https absoluta.
dash-webhook-url-bad-characters = A URL não pode conter espaços, barras invertidas nem caracteres de controle.
dash-webhook-url-userinfo = A URL não pode conter nome de usuário nem senha.
dash-webhook-url-private = A URL deve indicar um host público.
dash-webhook-url-port = A URL deve usar a porta padrão.
dash-webhook-url-bad-host = O nome de host da URL não é um nome DNS válido.
dash-webhook-events-missing = Escolha pelo menos um evento, ou todos os eventos.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = "{ $event }" não é um tipo de evento; os tipos são { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = Esta conta já tem { $max } endpoints, o máximo permitido: exclua um primeiro.
dash-webhook-not-saved = Nada foi salvo: corrija o formulário abaixo.
dash-webhook-not-found = Esse endpoint ou essa entrega não foi encontrado entre os desta conta: nada foi feito.
dash-endpoint-deleted = O endpoint foi excluído: nada mais será enviado a ele.
dash-delivery-resent = A entrega está sendo reenviada.

## Developers: callback delivery

dash-delivery-heading = Entrega de callbacks, últimas 24 horas
dash-delivery-warning = O endpoint de callback da sua loja está falhando ou lento: os callbacks estão sendo reenviados, e um callback que esgota as tentativas é abandonado.
dash-delivery-attempts-label = Tentativas
dash-delivery-answered = Respondidas com 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate }%
dash-delivery-no-attempts = nenhuma tentativa
dash-delivery-answer-time = Tempo de resposta
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = mediana { $p50 }, percentil 95 { $p95 }
dash-delivery-waiting-label = Aguardando
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }, o mais antigo criado há { $age ->
    [one] { $age } segundo
   *[other] { $age } segundos
}
dash-delivery-waiting-minutes = { $waiting }, o mais antigo criado há { $age ->
    [one] { $age } minuto
   *[other] { $age } minutos
}
dash-delivery-waiting-hours = { $waiting }, o mais antigo criado há { $age ->
    [one] { $age } hora
   *[other] { $age } horas
}
dash-delivery-waiting-days = { $waiting }, o mais antigo criado há { $age ->
    [one] { $age } dia
   *[other] { $age } dias
}
dash-delivery-gave-up-label = Abandonados
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Reenviar o callback abandonado
   *[other] Reenviar os { $count } callbacks abandonados
}
dash-resent-none = Nenhum callback havia sido abandonado: nada foi enviado.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } callback está sendo reenviado.
   *[other] { $count } callbacks estão sendo reenviados.
}

## Developers: refused signatures

dash-rejections-heading = Assinaturas recusadas
dash-rejections-hint = Solicitações dos últimos 7 dias cuja assinatura não foi verificada (no máximo 100), com o erro mais provável cometido pela loja. Apenas os nomes dos campos são guardados, nunca os valores.
dash-col-path = Caminho
dash-col-diagnosis = Diagnóstico
dash-col-fields = Campos enviados
dash-no-rejections = Nenhuma assinatura recusada nos últimos 7 dias.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Assine com o segredo atual; o que foi usado expirou ou foi revogado.
dash-diagnosis-non-x-fields-included = Assine apenas os campos cujos nomes começam com x_.
dash-diagnosis-signature-field-included = Deixe o próprio campo x_signature fora da mensagem assinada.
dash-diagnosis-unsorted-fields = Ordene os campos por nome, em ordem de bytes, antes de assinar.
dash-diagnosis-separators-used = Coloque cada valor logo após o seu nome e cada par logo após o anterior, sem = nem & entre eles.
dash-diagnosis-encoded-values = Assine os valores decodificados dos campos, não a forma com percent-encoding.
dash-diagnosis-empty-fields-dropped = Inclua os campos x_ enviados com valor vazio, apenas com o nome.
dash-diagnosis-wrong-algorithm = Assine com HMAC-SHA256 usando o segredo como chave e envie o digest em hexadecimal.
dash-diagnosis-secret-decoded = Use o texto do segredo exatamente como fornecido como chave HMAC, sem decodificá-lo de hex ou base64.
dash-diagnosis-unknown = Assine todos os campos x_ exceto x_signature, ordenados por nome, cada nome seguido do seu valor, com HMAC-SHA256 e o segredo atual como chave.

## Error pages

dash-error-heading = Não é possível fazer isso
dash-error-malformed = A solicitação está malformada.
dash-error-not-found = Esta página não existe.
dash-error-conflict = Algo mudou ao mesmo tempo. Recarregue a página e tente novamente.
dash-error-too-large = O formulário é grande demais.
dash-error-timeout = A solicitação demorou demais para chegar.
dash-error-rate-limited = Muitas solicitações daqui em pouco tempo. Aguarde um momento e tente novamente.
dash-error-deadline = A resposta demorou demais. Recarregue a página para ver se a alteração foi feita antes de tentar novamente.
dash-error-unsupported = A solicitação deve ser enviada como formulário.
dash-error-invalid = O formulário contém um valor inválido.
dash-error-forbidden = Este formulário não foi enviado a partir deste painel, então nada foi alterado.
dash-error-unexpected = Algo deu errado do nosso lado. Tente novamente em instantes.
dash-error-other = Esta solicitação não pode ser processada.
dash-error-detail = Detalhes para desenvolvedores
dash-error-field = Campo
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Referência para o suporte: { $id }
dash-error-back = Voltar ao painel
