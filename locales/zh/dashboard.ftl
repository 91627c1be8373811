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
dash-title-suffix = Offsite Gateway 控制台
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = 控制台
dash-nav-overview = 概览
dash-nav-payments = 付款
dash-nav-credentials = 凭据
dash-nav-settings = 设置
dash-nav-developers = 开发者
dash-nav-password = 密码
dash-logout = 退出登录
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = 账户 ID
dash-mode = 模式
# A payment's or a key's mode.
dash-mode-test = 测试
dash-mode-live = 正式
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = 消费
dash-type-authorization = 授权
# A payment's status, beside or instead of its protocol code.
dash-status-open = 待支付
dash-status-challenge = 待 3-D Secure 验证
dash-status-pending = 处理中
dash-status-authorized = 已授权
dash-status-captured = 已请款
dash-status-failed = 失败
dash-status-cancelled = 已取消
dash-status-voided = 已解除授权
dash-status-expired = 已过期
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = 无响应
dash-answer-not-attempted = 尚未尝试
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = 时间（UTC）
dash-col-created = 创建时间（UTC）
dash-col-from = 来源
dash-col-status = 状态
dash-col-mode = 模式
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = 您的卡已被拒绝。
dash-reason-insufficient-funds = 余额不足。
dash-reason-error = 无法处理此付款。
dash-reason-challenge-failed = 3-D Secure 验证失败。
dash-test-only-note = 此账户仅接受测试付款（x_test=true）：本网关没有正式环境的支付处理方，因此 x_test=false 会以 live_mode_unavailable 被拒绝，不会产生任何扣款。

## Logging in, the setup link, passwords

dash-login-title = 登录
dash-login-heading = 登录您的控制台
dash-email = 电子邮箱
dash-password = 密码
dash-login-button = 登录
dash-login-lost = 忘记密码？请向您的网关运营方索取新的设置链接。
dash-login-welcome = 您的密码已设置。请使用该密码登录。
dash-login-ended = 您已退出登录。
dash-login-invalid = 电子邮箱或密码不正确。
# $minutes is how long the login stays locked.
dash-login-locked = 登录失败次数过多。请等待 { $minutes } 分钟后再试。
dash-setup-title = 设置密码
# $email is the user's email address, in bold.
dash-setup-for = 账户：{ $email }。此链接仅可使用一次。
dash-setup-button = 设置密码
dash-link-gone-heading = 此链接无效
dash-link-gone = 设置链接已过期或已被使用。请向您的网关运营方索取新的链接。
dash-go-to-login = 前往登录页面
dash-new-password = 新密码
dash-new-password-hint = 至少 12 个字符。
dash-new-password-again = 再次输入新密码
dash-password-mismatch = 两次输入的密码不一致。
dash-password-too-short = 密码至少需要 12 个字符。
dash-password-too-long = 密码过长。
dash-password-title = 密码
dash-password-heading = 修改密码
dash-password-sessions = 修改密码后，您的其他会话将会结束。
dash-current-password = 当前密码
dash-password-button = 修改密码
dash-password-wrong = 当前密码不正确。
dash-password-changed = 您的密码已修改，其他会话均已结束。

## The overview

dash-overview-title = 概览
dash-mode-test-only = 仅限测试付款
dash-mode-test-and-live = 测试付款和正式付款
dash-audit-heading = 审计日志
dash-audit-hint = 此账户的所有凭据、设置和登录事件，按时间倒序排列。
dash-col-event = 事件
dash-col-who = 操作人
dash-col-detail = 详情

## Credentials

dash-credentials-title = 凭据
dash-secret = 密钥
# $version is the secret's version number (1, 2, …).
dash-secret-version = 版本 { $version }，仅在创建时显示
dash-previous-secret = 上一个密钥
# $until is a date and time.
dash-previous-verifies-until = 在 { $until } 之前仍可用于验证
dash-new-secret-heading = 您的新密钥
dash-new-secret-copy = 请立即将其复制到您商店的设置中：它仅显示这一次。
dash-rotate-heading = 轮换密钥
dash-rotate-text = 系统会生成一个新密钥；在您选择的重叠期内，当前密钥仍可用于验证，因此您的商店可以在付款不被拒绝的情况下完成切换。响应和回调均使用签署相应请求的那个密钥进行签名。
dash-rotate-previous-valid = 上一个密钥仍然有效：请先将其撤销，再进行轮换。
dash-overlap = 重叠期（秒）
dash-overlap-hint = 从 60（1 分钟）到 604800（7 天）；3600 为 1 小时，86400 为 1 天。
dash-rotate-button = 轮换密钥
dash-revoke-heading = 撤销上一个密钥
dash-revoke-text = 您的商店开始使用新密钥后，请立即结束重叠期。
dash-revoke-button = 撤销上一个密钥
dash-overlap-not-number = 重叠期必须是以秒为单位的数字。
dash-overlap-out-of-range = 重叠期必须在 1 分钟到 7 天之间。
# $until is a date and time.
dash-previous-still-valid = 上一个密钥仍然有效（至 { $until }）；请先将其撤销，再进行轮换。
dash-no-valid-previous = 没有仍然有效的上一个密钥。
dash-no-such-merchant = 没有商户使用此账户 ID。
dash-previous-revoked = 上一个密钥已不再用于验证。

## Settings

dash-settings-title = 设置
dash-return-hosts = 返回 URL 和回调 URL 允许使用的主机
dash-return-hosts-hint = 每行一个：<code>shop.example.com</code>，或用 <code>*.shop.example.com</code> 表示其子域名。如果付款请求的 x_url_complete、x_url_cancel 或 x_url_callback 使用其他主机，该请求将被拒绝。留空则允许任何主机。
dash-frame-origins = 允许嵌入付款页面的来源
dash-frame-origins-hint = 每行一个，例如 <code>https://shop.example.com</code>。使用 <code>ui_mode: embedded</code> 创建的会话，以及通过 <code>?embed=1</code> 打开的付款页面，只能被这些来源嵌入框架中。
dash-settings-button = 保存设置
dash-settings-saved = 设置已保存。
# $entry is a line of the form, as typed.
dash-settings-bad-host = 未保存任何内容：“{ $entry }”不是主机名（应由字母、数字、连字符和点组成，或为 *.example.com 形式）。
# $entry is a line of the form, as typed.
dash-settings-bad-origin = 未保存任何内容：“{ $entry }”不是类似 https://shop.example.com 的来源（须为 https，不带路径）。
# $max is the most lines a list may have.
dash-settings-too-many = 未保存任何内容：最多只能有 { $max } 个条目。

## The payments list

dash-payments-title = 付款
dash-status = 状态
# The status filter's choice that filters nothing.
dash-status-any = 全部
dash-reference = 订单号
dash-from = 开始日期（UTC）
dash-to = 结束日期（UTC）
dash-filter-button = 筛选
dash-filter-clear = 清除
# $count is how many payments this page lists.
dash-payments-hint = 最新的在前，本页共 { $count } 笔。金额以各笔付款的币种显示。
dash-col-reference = 订单号
dash-col-amount = 金额
dash-col-card = 卡
dash-no-payments = 没有匹配的付款。
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = 更多付款
dash-newest-page = 最新付款
dash-older-page = 更早的付款
dash-payments-bad-status = 未列出任何内容：状态未知。
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = 未列出任何内容：开始日期必须是类似 2026-12-01 的日期
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = 未列出任何内容：结束日期必须是类似 2026-12-01 的日期

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = 付款 { $reference }
dash-all-payments = 所有付款
dash-amount = 金额
dash-type = 类型
dash-card-label = 卡
dash-captured = 已请款
dash-refunded = 已退款
dash-created = 创建时间（UTC）
dash-gateway-reference = 网关参考号
dash-payment-id = 付款 ID
dash-operations-heading = 请款、退款或解除授权
dash-operations-hint = 每项操作都会签名，通知您商店的回调 URL，并记入审计日志。
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = 请款金额（{ $currency }）
# $max is the formatted amount with its currency.
dash-capture-hint = 最多 { $max }，即已授权但尚未请款的金额。
dash-capture-button = 请款
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = 退款金额（{ $currency }）
# $max is the formatted amount with its currency.
dash-refund-hint = 最多 { $max }，即已请款但尚未退款的金额。
dash-refund-button = 退款
dash-void-text = 解除全部授权：之后将无法再对其进行任何请款。
dash-void-button = 解除授权
# $status is the payment's status in words (captured, voided …).
dash-no-operations = 付款状态为“{ $status }”时，无法请款、退款或解除授权。
dash-done-capture = 请款已完成。
dash-done-refund = 退款已完成。
dash-done-void = 授权已解除。
dash-done-resend = 正在重新发送回调。
# $why is the gateway's technical reason, in English.
dash-operation-refused = 未执行任何操作：{ $why }。
dash-timeline-heading = 时间线
dash-callbacks-heading = 回调
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = 回调 { $id }：{ $result }，{ $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = 回调 { $id }：{ $operation } 的 { $result }，{ $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = 发往 { $url }，于 { $queued } 加入队列。
dash-callback-not-attempted = 尚未尝试。
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = 回调 { $id } 的尝试记录
dash-col-attempt = 尝试
dash-col-answer = 响应
dash-col-time-taken = 耗时
dash-callback-resend = 重新发送回调 { $id }
dash-no-callbacks = 此付款尚无回调。

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = 收到付款请求：{ $amount }，{ $type }，{ $mode }
dash-event-page-shown = 付款页面首次显示
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = 第 { $attempt } 次卡支付尝试（{ $brand } ···· { $last4 }）：已批准
dash-event-charge-declined = 第 { $attempt } 次卡支付尝试（{ $brand } ···· { $last4 }）：已拒绝
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = 第 { $attempt } 次卡支付尝试（{ $brand } ···· { $last4 }）：已拒绝 — { $why }
dash-event-charge-pending = 第 { $attempt } 次卡支付尝试（{ $brand } ···· { $last4 }）：支付处理方处理中
dash-event-charge-challenge = 第 { $attempt } 次卡支付尝试（{ $brand } ···· { $last4 }）：已要求 3-D Secure 验证
dash-event-charge-error = 第 { $attempt } 次卡支付尝试（{ $brand } ···· { $last4 }）：支付处理方错误
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = 第 { $attempt } 次卡支付尝试（{ $brand } ···· { $last4 }）：支付处理方错误 — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = 第 { $attempt } 次尝试的 3-D Secure 验证已通过
dash-event-3ds-failed = 第 { $attempt } 次尝试的 3-D Secure 验证失败
dash-event-3ds-failed-why = 第 { $attempt } 次尝试的 3-D Secure 验证失败 — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = 结果：{ $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = 结果：{ $result } — { $why }
dash-event-cancelled = 由顾客取消
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = 请款 { $amount }（{ $operation }）
dash-event-refund = 退款 { $amount }（{ $operation }）
dash-event-void = 解除授权（{ $operation }）
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = 回调 { $id } 已加入队列（{ $result }），发往 { $url }
dash-event-callback-operation = 回调 { $id } 已加入队列（{ $operation } 的 { $result }），发往 { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = 回调 { $callback }，第 { $attempt } 次尝试：{ $ms } ms 内返回 HTTP { $status }
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = 回调 { $callback }，第 { $attempt } 次尝试：{ $ms } ms 后出现 { $error }
dash-event-attempt-none = 回调 { $callback }，第 { $attempt } 次尝试：{ $ms } ms 内无响应

## Developers: API keys

dash-developers-title = 开发者
dash-keys-heading = API 密钥
dash-keys-hint = 您的服务器使用 <code>Authorization: Bearer</code> 和以下某个密钥调用<a>会话 API</a>。测试密钥（<code>sk_test_…</code>）只能创建和查看测试付款。系统仅保存密钥的哈希值：密钥只在创建时显示一次。
# $id is the key's id.
dash-new-key-heading-test = 您的新测试 API 密钥：{ $id }
dash-new-key-heading-live = 您的新正式 API 密钥：{ $id }
dash-new-key-copy = 请立即将其复制到您服务器的配置中：它不会再次显示。
# The label of the table of keys, for screen readers.
dash-keys-label = 您的 API 密钥
dash-col-id = ID
dash-col-key = 密钥
# $at is a date and time.
dash-key-revoked-at = 已于 { $at } 撤销
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = 撤销 { $id }
dash-key-revoke = 撤销
dash-no-keys = 尚无 API 密钥。
dash-live-key = 正式密钥（<code>sk_live_…</code>）
dash-live-hint-test-only = 此账户仅接受测试付款：在账户开通正式付款之前，正式密钥会被拒绝。
dash-live-hint = 不勾选：创建测试密钥，它永远不会涉及正式付款。
dash-key-button = 创建 API 密钥
dash-key-live-refused = 此账户仅接受测试付款，因此正式密钥在每次请求时都会被拒绝：未创建任何密钥。请改为创建测试密钥。
dash-key-not-found = 在此账户的有效密钥中未找到该 API 密钥：未撤销任何密钥。
dash-key-revoked = 该 API 密钥已撤销：使用它的请求将收到 401。

## Developers: webhook endpoints

dash-webhooks-heading = Webhook 端点
dash-webhooks-hint = 每个事件都会以 JSON 格式 POST 到订阅该事件的端点，按 Standard Webhooks 方式（<code>webhook-id</code>、<code>webhook-timestamp</code>、<code>webhook-signature</code>）使用端点的密钥签名，并持续重试，直到您的接收端返回 2xx。密钥只在创建时显示一次。
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = { $id } 的新密钥
dash-new-webhook-secret = 您的新端点 { $id } 的密钥
dash-new-webhook-copy = 请立即将其复制到您的 Webhook 接收端：它不会再次显示。
# $until is a date and time.
dash-new-webhook-previous = 在 { $until } 之前，上一个密钥也会为每次投递签名。
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = 您的 Webhook 端点
dash-col-endpoint = 端点
dash-col-events = 事件
dash-col-secret = 密钥
dash-col-actions = 操作
# $at is a date and time.
dash-endpoint-created = 创建于 { $at }
# $until is a date and time.
dash-endpoint-previous-until = 上一个密钥有效期至 { $until }
dash-endpoint-one-secret = 单一密钥
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = 所有事件（*）
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = 轮换密钥：{ $id }
dash-endpoint-rotate = 轮换密钥
dash-endpoint-delete-label = 删除 { $id }
dash-endpoint-delete = 删除
dash-no-endpoints = 尚无 Webhook 端点。
# $id is the endpoint's id, as code.
dash-deliveries-heading = 最近发往 { $id } 的投递
dash-deliveries-none = 尚未向该端点发送任何内容。
dash-col-event-payment = 事件和付款
dash-col-last-answer = 最近一次响应
dash-col-action = 操作
# $payment is the payment's id, linked to its page.
dash-delivery-payment = 付款 { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count } 次尝试
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = 重新发送：投递 { $id }，{ $event }
dash-delivery-resend = 重新发送
dash-webhook-form-heading = 添加端点
dash-webhook-url = 端点 URL
dash-webhook-url-hint = 您的接收端监听的地址：公共主机上使用默认端口的 https URL。
dash-events-legend = 要发送的事件
dash-events-hint = “所有事件”包括以后新增的类型。
dash-events-all = 所有事件（<code>*</code>）
dash-webhook-button = 添加端点
dash-webhook-url-missing = 请输入您的 Webhook 接收端监听的 URL。
# $max is a number of characters.
dash-webhook-url-too-long = URL 最多只能有 { $max } 个字符。
dash-webhook-url-not-https = URL 必须是绝对 https URL。
dash-webhook-url-bad-characters = URL 不能包含空格、反斜杠或控制字符。
dash-webhook-url-userinfo = URL 不能包含用户名或密码。
dash-webhook-url-private = URL 必须指向公共主机。
dash-webhook-url-port = URL 必须使用默认端口。
dash-webhook-url-bad-host = URL 中的主机名不是有效的 DNS 名称。
dash-webhook-events-missing = 请至少选择一个事件，或选择所有事件。
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = “{ $event }”不是事件类型；可用的类型为 { $types }。
# $max is the most endpoints an account may have.
dash-webhook-too-many = 此账户已有 { $max } 个端点，已达上限：请先删除一个。
dash-webhook-not-saved = 未保存任何内容：请更正下方的表单。
dash-webhook-not-found = 在此账户的端点和投递中未找到该项：未执行任何操作。
dash-endpoint-deleted = 端点已删除：不会再向其发送任何内容。
dash-delivery-resent = 正在重新发送该投递。

## Developers: callback delivery

dash-delivery-heading = 回调投递（最近 24 小时）
dash-delivery-warning = 您商店的回调端点出现故障或响应缓慢：回调正在重试，重试次数用尽的回调将被放弃。
dash-delivery-attempts-label = 尝试次数
dash-delivery-answered = 返回 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate }%
dash-delivery-no-attempts = 无尝试
dash-delivery-answer-time = 响应时间
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = 中位数 { $p50 }，第 95 百分位 { $p95 }
dash-delivery-waiting-label = 等待中
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting } 个，最早的一个创建于 { $age } 秒前
dash-delivery-waiting-minutes = { $waiting } 个，最早的一个创建于 { $age } 分钟前
dash-delivery-waiting-hours = { $waiting } 个，最早的一个创建于 { $age } 小时前
dash-delivery-waiting-days = { $waiting } 个，最早的一个创建于 { $age } 天前
dash-delivery-gave-up-label = 已放弃
# $count is how many callbacks gave up.
dash-resend-gave-up = 重新发送 { $count } 个已放弃的回调
dash-resent-none = 没有已放弃的回调：未发送任何内容。
# $count is how many callbacks are sent again (at least one).
dash-resent = 正在重新发送 { $count } 个回调。

## Developers: refused signatures

dash-rejections-heading = 被拒绝的签名
dash-rejections-hint = 最近 7 天内签名未通过验证的请求（最多 100 条），以及商店最可能犯的错误。仅保存字段名，从不保存字段值。
dash-col-path = 路径
dash-col-diagnosis = 诊断
dash-col-fields = 发送的字段
dash-no-rejections = 最近 7 天内没有被拒绝的签名。
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = 请使用当前密钥签名；所用的密钥已过期或已被撤销。
dash-diagnosis-non-x-fields-included = 仅对名称以 x_ 开头的字段签名。
dash-diagnosis-signature-field-included = 签名的消息中不要包含 x_signature 字段本身。
dash-diagnosis-unsorted-fields = 签名前，请按字段名的字节顺序对字段排序。
dash-diagnosis-separators-used = 每个值紧跟在其名称之后，每个名值对紧跟在上一对之后，中间不要加 = 或 &。
dash-diagnosis-encoded-values = 请对解码后的字段值签名，而不是对其百分号编码形式签名。
dash-diagnosis-empty-fields-dropped = 以空值发送的 x_ 字段也要包含在内，只写其名称。
dash-diagnosis-wrong-algorithm = 请使用 HMAC-SHA256 签名，以该密钥作为 HMAC 密钥，并发送十六进制摘要。
dash-diagnosis-secret-decoded = 请将密钥文本原样用作 HMAC 密钥，不要对其进行 hex 或 base64 解码。
dash-diagnosis-unknown = 对除 x_signature 以外的所有 x_ 字段签名：按名称排序，每个名称后紧跟其值，使用当前密钥进行 HMAC-SHA256 计算。

## Error pages

dash-error-heading = 无法执行此操作
dash-error-malformed = 请求格式错误。
dash-error-not-found = 此页面不存在。
dash-error-conflict = 有其他更改同时发生。请重新加载页面后重试。
dash-error-too-large = 表单过大。
dash-error-timeout = 请求到达耗时过长。
dash-error-rate-limited = 短时间内来自此处的请求过多。请稍候再试。
dash-error-deadline = 响应时间过长。重试之前，请重新加载页面，确认更改是否已经生效。
dash-error-unsupported = 请求必须以表单形式发送。
dash-error-invalid = 表单包含无效值。
dash-error-forbidden = 此表单并非从本控制台提交，因此未做任何更改。
dash-error-unexpected = 我们这边出了点问题。请稍后重试。
dash-error-other = 无法处理此请求。
dash-error-detail = 供开发人员参考的详细信息
dash-error-field = 字段
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = 客服参考编号：{ $id }
dash-error-back = 返回控制台
