# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = テストモード：実際のお金は動かず、このアカウントはテスト決済のみを受け付けます。カード番号 4242 4242 4242 4242 をお試しください。
# The page's heading; $shop is the store's name.
pay-heading = { $shop } へのお支払い
amount-label = 金額
description-label = 内容
reference-label = 注文番号
card-heading = カード情報
cardholder-name = カード名義
card-number = カード番号
card-number-hint = カード表面に記載されている長い番号です。
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = カードブランド：{ $brand }
card-expiry = 有効期限
card-expiry-hint = MM/YY（例：04/29）
card-cvc = セキュリティコード
card-cvc-hint = カード裏面の3桁、または American Express の場合は表面の4桁です。
card-cvc-hint-amex = カード表面の4桁です。
card-cvc-hint-other = カード裏面の3桁です。
# $amount is the formatted amount with its currency.
pay-button = { $amount } を支払う
cancel-link = キャンセルして { $shop } に戻る
fix-fields = 以下の項目を修正してください。
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } もう一度お試しいただくか、別のカードをご利用ください（残り { $left } 回）。
holder-missing = カードに記載されている名義を入力してください。
number-missing = カード番号を入力してください。
number-invalid = このカード番号は無効です。ご確認のうえ、もう一度お試しください。
expiry-missing = 有効期限を入力してください。
expiry-format = 有効期限は MM/YY の形式で入力してください。
expiry-past = このカードは有効期限が切れています。
cvc-missing = セキュリティコードを入力してください。
cvc-format = セキュリティコードは3桁です（American Express は4桁）。
cvc-format-amex = American Express カードのセキュリティコードは、カード表面の4桁です。
cvc-format-other = セキュリティコードは、カード裏面の3桁です。
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = カード
decline-declined = カードが承認されませんでした。
decline-insufficient-funds = ご利用可能額が不足しています。
decline-error = お支払いを処理できませんでした。
decline-challenge-failed = 3-D Secure 認証に失敗しました。
challenge-heading = お支払いの確認
challenge-text = カード発行会社から、このお支払いの確認を求められています（3-D Secure のシミュレーション）。
challenge-approve = 支払いを承認する
challenge-deny = 拒否する
outcome-completed = お支払いが完了しました。ありがとうございました！
outcome-authorized = お支払いが承認されました。ご注文の商品が発送された時点で、ショップが売上を確定します。
outcome-pending = お支払いを受け付け、現在確認中です。完了するとショップに通知されます。
outcome-failed = お支払いに失敗しました。
outcome-cancelled = お支払いはキャンセルされました。
outcome-voided = 与信（オーソリ）が取り消されました。料金は請求されていません。
outcome-expired = このお支払いは、支払いが行われる前に期限切れとなりました。料金は請求されていません。
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = カード：{ $brand }（末尾 { $last4 }）
return-link = { $shop } に戻る
error-heading = この決済リクエストは処理できません
error-field = フィールド
error-detail = ショップの開発者向けの詳細
error-next = ショップに戻って、もう一度お試しください。問題が解決しない場合は、ショップにお問い合わせください。
# Before the request id on an error page: what to quote to support.
error-request-id = お問い合わせ用の参照番号
error-malformed = 決済リクエストの形式が正しくありません。
error-signature = 決済リクエストの署名が無効です。
error-unknown-account = このショップのアカウントは、このゲートウェイに登録されていません。
error-not-found = このページは存在しません。
error-conflict = この注文には、すでに別のお支払いがあります。
error-too-large = 決済リクエストが大きすぎます。
error-timeout = リクエストの到着に時間がかかりすぎました。
error-rate-limited = この接続元から短時間に多数のリクエストがありました。しばらく待ってから、もう一度お試しください。
error-deadline = 応答に時間がかかりすぎました。お支払いの途中だった場合は、もう一度お支払いになる前に、決済ページを開き直して、お支払いが完了しているかどうかをご確認ください。
error-unsupported = 決済リクエストはフォームとして送信する必要があります。
error-invalid = 決済リクエストに無効な値が含まれています。
error-forbidden = このフォームは、この決済ページから送信されたものではありません。
error-live-mode = このゲートウェイはテスト決済のみを受け付けています。本番の決済はまだご利用いただけません。
error-unexpected = 当社側で問題が発生しました。しばらくしてから、もう一度お試しください。
index-heading = offsite-gateway
index-text = x_ オフサイトプロトコルに対応した、ストアフロントプラットフォーム向けのホスト型決済ゲートウェイです。
