# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = 测试模式：不会产生真实的资金流动，且此账户仅接受测试付款。请试用卡号 4242 4242 4242 4242。
# The page's heading; $shop is the store's name.
pay-heading = 向 { $shop } 付款
amount-label = 金额
description-label = 说明
reference-label = 订单号
card-heading = 银行卡信息
cardholder-name = 持卡人姓名
card-number = 卡号
card-number-hint = 卡片正面的长号码。
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = 卡类型：{ $brand }
card-expiry = 有效期
card-expiry-hint = MM/YY，例如 04/29。
card-cvc = 安全码
card-cvc-hint = 卡片背面的 3 位数字；American Express 卡为正面的 4 位数字。
card-cvc-hint-amex = 卡片正面的 4 位数字。
card-cvc-hint-other = 卡片背面的 3 位数字。
# $amount is the formatted amount with its currency.
pay-button = 支付 { $amount }
cancel-link = 取消并返回 { $shop }
fix-fields = 请更正下方标出的字段。
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } 您可以重试或使用其他卡（还剩 { $left } 次机会）。
holder-missing = 请输入卡片上的姓名。
number-missing = 请输入卡号。
number-invalid = 此卡号无效。请检查后重试。
expiry-missing = 请输入有效期。
expiry-format = 请按 MM/YY 格式输入有效期。
expiry-past = 此卡已过期。
cvc-missing = 请输入安全码。
cvc-format = 安全码为 3 位数字（American Express 卡为 4 位）。
cvc-format-amex = American Express 卡的安全码是卡片正面的 4 位数字。
cvc-format-other = 安全码是卡片背面的 3 位数字。
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = 银行卡
decline-declined = 您的卡已被拒绝。
decline-insufficient-funds = 余额不足。
decline-error = 无法处理此付款。
decline-challenge-failed = 3-D Secure 验证失败。
challenge-heading = 确认此付款
challenge-text = 您的发卡机构要求您确认此付款（模拟 3-D Secure）。
challenge-approve = 批准付款
challenge-deny = 拒绝
outcome-completed = 付款成功。谢谢！
outcome-authorized = 付款已授权。商家将在您的订单发货时扣款。
outcome-pending = 已收到付款，正在确认中。完成后将通知商家。
outcome-failed = 付款失败。
outcome-cancelled = 付款已取消。
outcome-voided = 授权已解除，未产生任何扣款。
outcome-expired = 此付款在完成支付前已过期，未产生任何扣款。
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = 卡：{ $brand }，尾号 { $last4 }
return-link = 返回 { $shop }
error-heading = 无法处理此付款请求
error-field = 字段
error-detail = 供商家开发人员参考的详细信息
error-next = 请返回商家网站后重试。如果问题仍然存在，请联系商家。
# Before the request id on an error page: what to quote to support.
error-request-id = 客服参考编号
error-malformed = 付款请求格式错误。
error-signature = 付款请求的签名无效。
error-unknown-account = 此网关无法识别该商家的账户。
error-not-found = 此页面不存在。
error-conflict = 此订单已有另一笔付款。
error-too-large = 付款请求过大。
error-timeout = 请求到达耗时过长。
error-rate-limited = 短时间内来自此处的请求过多。请稍候再试。
error-deadline = 响应时间过长。如果您正在付款，请在重新付款前再次打开付款页面，确认付款是否已完成。
error-unsupported = 付款请求必须以表单形式发送。
error-invalid = 付款请求包含无效值。
error-forbidden = 此表单并非从本付款页面提交。
error-live-mode = 此网关仅接受测试付款：目前还无法进行真实付款。
error-unexpected = 我们这边出了点问题。请稍后重试。
index-heading = offsite-gateway
index-text = 面向电商平台的托管支付网关，支持 x_ offsite 协议。
