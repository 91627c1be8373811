# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Modo de teste: nenhum dinheiro real é movimentado, e esta conta aceita apenas pagamentos de teste. Experimente o cartão 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = Pagamento para { $shop }
amount-label = Valor
description-label = Descrição
reference-label = Pedido
card-heading = Dados do cartão
cardholder-name = Nome impresso no cartão
card-number = Número do cartão
card-number-hint = O número longo na frente do seu cartão.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Bandeira do cartão: { $brand }
card-expiry = Data de validade
card-expiry-hint = MM/AA, por exemplo 04/29.
card-cvc = Código de segurança
card-cvc-hint = 3 dígitos no verso, ou 4 na frente dos cartões American Express.
card-cvc-hint-amex = 4 dígitos na frente do cartão.
card-cvc-hint-other = 3 dígitos no verso do cartão.
# $amount is the formatted amount with its currency.
pay-button = Pagar { $amount }
cancel-link = Cancelar e voltar para { $shop }
fix-fields = Corrija os campos indicados abaixo.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } Você pode tentar novamente ou usar outro cartão ({ $left ->
    [one] resta { $left } tentativa
   *[other] restam { $left } tentativas
}).
holder-missing = Informe o nome impresso no cartão.
number-missing = Informe o número do cartão.
number-invalid = Este número de cartão não é válido. Verifique e tente novamente.
expiry-missing = Informe a data de validade.
expiry-format = Informe a data de validade no formato MM/AA.
expiry-past = Este cartão está vencido.
cvc-missing = Informe o código de segurança.
cvc-format = O código de segurança tem 3 dígitos (4 no American Express).
cvc-format-amex = O código de segurança de um cartão American Express são os 4 dígitos na frente do cartão.
cvc-format-other = O código de segurança são os 3 dígitos no verso do cartão.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Cartão
decline-declined = Seu cartão foi recusado.
decline-insufficient-funds = Saldo insuficiente.
decline-error = Não foi possível processar o pagamento.
decline-challenge-failed = Falha na autenticação 3-D Secure.
challenge-heading = Confirme este pagamento
challenge-text = O emissor do seu cartão solicita que você confirme este pagamento (3-D Secure simulado).
challenge-approve = Aprovar pagamento
challenge-deny = Recusar
outcome-completed = Pagamento concluído. Obrigado!
outcome-authorized = Pagamento autorizado. A loja fará a cobrança quando seu pedido for enviado.
outcome-pending = Pagamento recebido e em confirmação. A loja será avisada quando ele for concluído.
outcome-failed = O pagamento falhou.
outcome-cancelled = O pagamento foi cancelado.
outcome-voided = A autorização foi liberada; nenhum valor foi cobrado.
outcome-expired = Este pagamento expirou antes de ser pago; nenhum valor foi cobrado.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Cartão: { $brand } com final { $last4 }
return-link = Voltar para { $shop }
error-heading = Esta solicitação de pagamento não pode ser processada
error-field = Campo
error-detail = Detalhes para o desenvolvedor da loja
error-next = Volte para a loja e tente novamente. Se o problema continuar, entre em contato com a loja.
# Before the request id on an error page: what to quote to support.
error-request-id = Referência para o suporte
error-malformed = A solicitação de pagamento está malformada.
error-signature = A assinatura da solicitação de pagamento não é válida.
error-unknown-account = A conta da loja não é reconhecida por este gateway.
error-not-found = Esta página não existe.
error-conflict = Este pedido já tem outro pagamento.
error-too-large = A solicitação de pagamento é grande demais.
error-timeout = A solicitação demorou demais para chegar.
error-rate-limited = Muitas solicitações daqui em pouco tempo. Aguarde um momento e tente novamente.
error-deadline = A resposta demorou demais. Se você estava pagando, abra a página de pagamento novamente para ver se o pagamento foi concluído antes de pagar de novo.
error-unsupported = A solicitação de pagamento deve ser enviada como formulário.
error-invalid = A solicitação de pagamento contém um valor inválido.
error-forbidden = Este formulário não foi enviado a partir desta página de pagamento.
error-live-mode = Este gateway aceita apenas pagamentos de teste: ainda não é possível fazer pagamentos reais.
error-unexpected = Algo deu errado do nosso lado. Tente novamente em instantes.
index-heading = offsite-gateway
index-text = Um gateway de pagamento hospedado para plataformas de e-commerce, que usa o protocolo offsite x_.
