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
dash-title-suffix = Offsite Gateway ダッシュボード
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = ダッシュボード
dash-nav-overview = 概要
dash-nav-payments = 決済
dash-nav-credentials = 認証情報
dash-nav-settings = 設定
dash-nav-developers = 開発者
dash-nav-password = パスワード
dash-logout = ログアウト
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = アカウント ID
dash-mode = モード
# A payment's or a key's mode.
dash-mode-test = テスト
dash-mode-live = 本番
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = 即時売上
dash-type-authorization = 与信
# A payment's status, beside or instead of its protocol code.
dash-status-open = 未処理
dash-status-challenge = 3-D Secure 認証中
dash-status-pending = 保留中
dash-status-authorized = 与信済み
dash-status-captured = 売上確定済み
dash-status-failed = 失敗
dash-status-cancelled = キャンセル
dash-status-voided = 与信取消済み
dash-status-expired = 期限切れ
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = 応答なし
dash-answer-not-attempted = 未試行
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = 日時（UTC）
dash-col-created = 作成日時（UTC）
dash-col-from = 送信元
dash-col-status = ステータス
dash-col-mode = モード
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = カードが承認されませんでした。
dash-reason-insufficient-funds = ご利用可能額が不足しています。
dash-reason-error = お支払いを処理できませんでした。
dash-reason-challenge-failed = 3-D Secure 認証に失敗しました。
dash-test-only-note = このアカウントはテスト決済（x_test=true）のみを受け付けます。このゲートウェイには本番用の決済プロセッサがないため、x_test=false は live_mode_unavailable で拒否され、請求は一切発生しません。

## Logging in, the setup link, passwords

dash-login-title = ログイン
dash-login-heading = ダッシュボードにログイン
dash-email = メールアドレス
dash-password = パスワード
dash-login-button = ログイン
dash-login-lost = パスワードをお忘れの場合は、ゲートウェイの運用者に新しい設定用リンクを依頼してください。
dash-login-welcome = パスワードが設定されました。設定したパスワードでログインしてください。
dash-login-ended = ログアウトしました。
dash-login-invalid = メールアドレスまたはパスワードが正しくありません。
# $minutes is how long the login stays locked.
dash-login-locked = ログインの失敗回数が多すぎます。{ $minutes } 分待ってから、もう一度お試しください。
dash-setup-title = パスワードの設定
# $email is the user's email address, in bold.
dash-setup-for = 対象：{ $email }。このリンクは一度だけ使用できます。
dash-setup-button = パスワードを設定
dash-link-gone-heading = このリンクは使用できません
dash-link-gone = 設定用リンクの有効期限が切れているか、すでに使用されています。ゲートウェイの運用者に新しいリンクを依頼してください。
dash-go-to-login = ログインページへ
dash-new-password = 新しいパスワード
dash-new-password-hint = 12 文字以上で入力してください。
dash-new-password-again = 新しいパスワード（確認）
dash-password-mismatch = 2 つのパスワードが一致しません。
dash-password-too-short = パスワードは 12 文字以上必要です。
dash-password-too-long = パスワードが長すぎます。
dash-password-title = パスワード
dash-password-heading = パスワードの変更
dash-password-sessions = 変更すると、ほかのセッションはすべて終了します。
dash-current-password = 現在のパスワード
dash-password-button = パスワードを変更
dash-password-wrong = 現在のパスワードが正しくありません。
dash-password-changed = パスワードを変更しました。ほかのセッションはすべて終了しました。

## The overview

dash-overview-title = 概要
dash-mode-test-only = テスト決済のみ
dash-mode-test-and-live = テスト決済と本番決済
dash-audit-heading = 監査ログ
dash-audit-hint = このアカウントの認証情報、設定、ログインに関するすべてのイベントです（新しい順）。
dash-col-event = イベント
dash-col-who = 実行者
dash-col-detail = 詳細

## Credentials

dash-credentials-title = 認証情報
dash-secret = シークレット
# $version is the secret's version number (1, 2, …).
dash-secret-version = バージョン { $version }（作成時にのみ表示されます）
dash-previous-secret = 以前のシークレット
# $until is a date and time.
dash-previous-verifies-until = { $until } まで検証に使用されます
dash-new-secret-heading = 新しいシークレット
dash-new-secret-copy = 今すぐストアフロントの設定にコピーしてください。表示されるのはこの 1 回だけです。
dash-rotate-heading = シークレットのローテーション
dash-rotate-text = 新しいシークレットが作成されます。現在のシークレットは指定した重複期間のあいだ引き続き検証に使用されるため、ストアフロントは決済を拒否されることなく切り替えることができます。応答とコールバックは、それぞれのリクエストに署名したシークレットで署名されます。
dash-rotate-previous-valid = 以前のシークレットがまだ有効です。再度ローテーションする前に失効させてください。
dash-overlap = 重複期間（秒）
dash-overlap-hint = 60（1 分）から 604800（7 日）まで指定できます。3600 は 1 時間、86400 は 1 日です。
dash-rotate-button = シークレットをローテーション
dash-revoke-heading = 以前のシークレットの失効
dash-revoke-text = ストアフロントが新しいシークレットを使用するようになったら、ここで重複期間を終了してください。
dash-revoke-button = 以前のシークレットを失効させる
dash-overlap-not-number = 重複期間は秒数で指定してください。
dash-overlap-out-of-range = 重複期間は 1 分から 7 日の範囲で指定してください。
# $until is a date and time.
dash-previous-still-valid = 以前のシークレットがまだ有効です（{ $until } まで）。再度ローテーションする前に失効させてください。
dash-no-valid-previous = 有効な以前のシークレットはありません。
dash-no-such-merchant = このアカウント ID の加盟店は存在しません。
dash-previous-revoked = 以前のシークレットは検証に使用されなくなりました。

## Settings

dash-settings-title = 設定
dash-return-hosts = 戻り先 URL とコールバック URL に許可するホスト
dash-return-hosts-hint = 1 行に 1 つずつ指定します（<code>shop.example.com</code>、またはそのサブドメインの場合は <code>*.shop.example.com</code>）。x_url_complete、x_url_cancel、x_url_callback にほかのホストを使用している決済リクエストは拒否されます。空欄の場合は、すべてのホストが許可されます。
dash-frame-origins = 決済ページの埋め込みを許可するオリジン
dash-frame-origins-hint = 1 行に 1 つずつ、<code>https://shop.example.com</code> のように指定します。<code>ui_mode: embedded</code> で作成されたセッションと、<code>?embed=1</code> で開かれた決済ページは、これらのオリジンからのみフレームに埋め込むことができます。
dash-settings-button = 設定を保存
dash-settings-saved = 設定を保存しました。
# $entry is a line of the form, as typed.
dash-settings-bad-host = 保存されませんでした：「{ $entry }」はホスト名ではありません（英字、数字、ハイフン、ドット、または *.example.com の形式）。
# $entry is a line of the form, as typed.
dash-settings-bad-origin = 保存されませんでした：「{ $entry }」は https://shop.example.com のようなオリジンではありません（https、パスなし）。
# $max is the most lines a list may have.
dash-settings-too-many = 保存されませんでした：指定できるのは最大 { $max } 件です。

## The payments list

dash-payments-title = 決済
dash-status = ステータス
# The status filter's choice that filters nothing.
dash-status-any = すべて
dash-reference = 注文番号
dash-from = 開始日（UTC）
dash-to = 終了日（UTC）
dash-filter-button = 絞り込む
dash-filter-clear = クリア
# $count is how many payments this page lists.
dash-payments-hint = 新しい順、このページに { $count } 件。金額は各決済の通貨で表示されます。
dash-col-reference = 注文番号
dash-col-amount = 金額
dash-col-card = カード
dash-no-payments = 条件に一致する決済はありません。
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = 決済一覧のページ
dash-newest-page = 最新の決済
dash-older-page = 以前の決済
dash-payments-bad-status = 一覧を表示できませんでした：不明なステータスです。
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = 一覧を表示できませんでした：開始日は 2026-12-01 のような日付で指定してください
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = 一覧を表示できませんでした：終了日は 2026-12-01 のような日付で指定してください

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = 決済 { $reference }
dash-all-payments = すべての決済
dash-amount = 金額
dash-type = 種別
dash-card-label = カード
dash-captured = 売上確定額
dash-refunded = 返金額
dash-created = 作成日時（UTC）
dash-gateway-reference = ゲートウェイ参照番号
dash-payment-id = 決済 ID
dash-operations-heading = 売上確定・返金・与信取消
dash-operations-hint = いずれの操作も署名され、ストアフロントのコールバック URL に通知され、監査ログに記録されます。
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = 売上確定する金額（{ $currency }）
# $max is the formatted amount with its currency.
dash-capture-hint = 最大 { $max }（与信済みで、まだ売上確定されていない金額）。
dash-capture-button = 売上確定
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = 返金する金額（{ $currency }）
# $max is the formatted amount with its currency.
dash-refund-hint = 最大 { $max }（売上確定済みで、まだ返金されていない金額）。
dash-refund-button = 返金
dash-void-text = 与信の全額を解放します。解放後は、この与信から売上確定することはできません。
dash-void-button = 与信を取り消す
# $status is the payment's status in words (captured, voided …).
dash-no-operations = 決済のステータスが { $status } の間は、売上確定、返金、与信取消のいずれも行えません。
dash-done-capture = 売上を確定しました。
dash-done-refund = 返金しました。
dash-done-void = 与信を取り消しました。
dash-done-resend = コールバックを再送信しています。
# $why is the gateway's technical reason, in English.
dash-operation-refused = 何も実行されませんでした：{ $why }。
dash-timeline-heading = タイムライン
dash-callbacks-heading = コールバック
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = コールバック { $id }：{ $result }、{ $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = コールバック { $id }：{ $operation } の { $result }、{ $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = 送信先 { $url }、キュー登録日時 { $queued }。
dash-callback-not-attempted = まだ試行されていません。
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = コールバック { $id } の試行
dash-col-attempt = 試行
dash-col-answer = 応答
dash-col-time-taken = 所要時間
dash-callback-resend = コールバック { $id } を再送信
dash-no-callbacks = この決済のコールバックはまだありません。

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = 決済リクエストを受信：{ $amount }、{ $type }、{ $mode }
dash-event-page-shown = 決済ページを初めて表示
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = カード試行 { $attempt }（{ $brand } ···· { $last4 }）：承認
dash-event-charge-declined = カード試行 { $attempt }（{ $brand } ···· { $last4 }）：拒否
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = カード試行 { $attempt }（{ $brand } ···· { $last4 }）：拒否 — { $why }
dash-event-charge-pending = カード試行 { $attempt }（{ $brand } ···· { $last4 }）：決済プロセッサで保留中
dash-event-charge-challenge = カード試行 { $attempt }（{ $brand } ···· { $last4 }）：3-D Secure 認証を要求
dash-event-charge-error = カード試行 { $attempt }（{ $brand } ···· { $last4 }）：決済プロセッサのエラー
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = カード試行 { $attempt }（{ $brand } ···· { $last4 }）：決済プロセッサのエラー — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = 試行 { $attempt } の 3-D Secure 認証：成功
dash-event-3ds-failed = 試行 { $attempt } の 3-D Secure 認証：失敗
dash-event-3ds-failed-why = 試行 { $attempt } の 3-D Secure 認証：失敗 — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = 結果：{ $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = 結果：{ $result } — { $why }
dash-event-cancelled = 購入者がキャンセル
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = { $amount } の売上確定（{ $operation }）
dash-event-refund = { $amount } の返金（{ $operation }）
dash-event-void = 与信取消（{ $operation }）
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = コールバック { $id } をキューに登録（{ $result }）、送信先 { $url }
dash-event-callback-operation = コールバック { $id } をキューに登録（{ $operation } の { $result }）、送信先 { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = コールバック { $callback }、試行 { $attempt }：HTTP { $status }（{ $ms } ms）
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = コールバック { $callback }、試行 { $attempt }：{ $error }（{ $ms } ms）
dash-event-attempt-none = コールバック { $callback }、試行 { $attempt }：応答なし（{ $ms } ms）

## Developers: API keys

dash-developers-title = 開発者
dash-keys-heading = API キー
dash-keys-hint = サーバーから、<code>Authorization: Bearer</code> とこれらのキーのいずれかを使って <a>セッション API</a> を呼び出します。テストキー（<code>sk_test_…</code>）で作成・参照できるのはテスト決済のみです。保存されるのはキーのハッシュだけのため、キーは作成時に 1 回だけ表示されます。
# $id is the key's id.
dash-new-key-heading-test = 新しいテスト API キー：{ $id }
dash-new-key-heading-live = 新しい本番 API キー：{ $id }
dash-new-key-copy = 今すぐサーバーの設定にコピーしてください。再度表示されることはありません。
# The label of the table of keys, for screen readers.
dash-keys-label = API キー
dash-col-id = ID
dash-col-key = キー
# $at is a date and time.
dash-key-revoked-at = { $at } に失効
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = { $id } を失効させる
dash-key-revoke = 失効させる
dash-no-keys = API キーはまだありません。
dash-live-key = 本番キー（<code>sk_live_…</code>）
dash-live-hint-test-only = このアカウントはテスト決済のみを受け付けます。本番決済が有効になるまで、本番キーは拒否されます。
dash-live-hint = チェックしない場合はテストキーになり、本番決済には一切影響しません。
dash-key-button = API キーを作成
dash-key-live-refused = このアカウントはテスト決済のみを受け付けるため、本番キーはすべてのリクエストで拒否されます。キーは作成されませんでした。代わりにテストキーを作成してください。
dash-key-not-found = この API キーは、このアカウントの有効なキーの中に見つかりませんでした。何も失効していません。
dash-key-revoked = API キーを失効させました。このキーを使用したリクエストには 401 が返されます。

## Developers: webhook endpoints

dash-webhooks-heading = Webhook エンドポイント
dash-webhooks-hint = 各イベントは、そのイベントを購読しているエンドポイントに JSON として POST されます。署名は Standard Webhooks 方式（<code>webhook-id</code>、<code>webhook-timestamp</code>、<code>webhook-signature</code>）でエンドポイントのシークレットを使って行われ、受信側が 2xx を返すまで再試行されます。シークレットは作成時に 1 回だけ表示されます。
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = { $id } の新しいシークレット
dash-new-webhook-secret = 新しいエンドポイント { $id } のシークレット
dash-new-webhook-copy = 今すぐ Webhook の受信側にコピーしてください。再度表示されることはありません。
# $until is a date and time.
dash-new-webhook-previous = { $until } までは、以前のシークレットでもすべての配信に署名されます。
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Webhook エンドポイント
dash-col-endpoint = エンドポイント
dash-col-events = イベント
dash-col-secret = シークレット
dash-col-actions = 操作
# $at is a date and time.
dash-endpoint-created = { $at } に作成
# $until is a date and time.
dash-endpoint-previous-until = 以前のシークレットは { $until } まで有効
dash-endpoint-one-secret = シークレット 1 つ
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = すべてのイベント（*）
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = { $id } のシークレットをローテーション
dash-endpoint-rotate = シークレットをローテーション
dash-endpoint-delete-label = { $id } を削除
dash-endpoint-delete = 削除
dash-no-endpoints = Webhook エンドポイントはまだありません。
# $id is the endpoint's id, as code.
dash-deliveries-heading = { $id } への最新の配信
dash-deliveries-none = まだ何も送信されていません。
dash-col-event-payment = イベントと決済
dash-col-last-answer = 最後の応答
dash-col-action = 操作
# $payment is the payment's id, linked to its page.
dash-delivery-payment = 決済 { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = 試行 { $count } 回
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = 再送信：配信 { $id }、{ $event }
dash-delivery-resend = 再送信
dash-webhook-form-heading = エンドポイントの追加
dash-webhook-url = エンドポイント URL
dash-webhook-url-hint = 受信側が待ち受ける URL です。公開ホスト上の https URL で、デフォルトのポートを使用してください。
dash-events-legend = 送信するイベント
dash-events-hint = 「すべてのイベント」には、今後追加されるイベントタイプも含まれます。
dash-events-all = すべてのイベント（<code>*</code>）
dash-webhook-button = エンドポイントを追加
dash-webhook-url-missing = Webhook の受信側が待ち受ける URL を入力してください。
# $max is a number of characters.
dash-webhook-url-too-long = URL は { $max } 文字以内で入力してください。
dash-webhook-url-not-https = URL は https の絶対 URL で指定してください。
dash-webhook-url-bad-characters = URL にスペース、バックスラッシュ、制御文字を含めることはできません。
dash-webhook-url-userinfo = URL にユーザー名やパスワードを含めることはできません。
dash-webhook-url-private = URL には公開ホストを指定してください。
dash-webhook-url-port = URL ではデフォルトのポートを使用してください。
dash-webhook-url-bad-host = URL のホスト名が有効な DNS 名ではありません。
dash-webhook-events-missing = イベントを 1 つ以上選択するか、すべてのイベントを選択してください。
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = 「{ $event }」はイベントタイプではありません。使用できるイベントタイプは { $types } です。
# $max is the most endpoints an account may have.
dash-webhook-too-many = このアカウントにはすでに上限の { $max } 件のエンドポイントがあります。先に 1 つ削除してください。
dash-webhook-not-saved = 保存されませんでした。下のフォームを修正してください。
dash-webhook-not-found = このアカウントのエンドポイントまたは配信の中に、該当するものが見つかりませんでした。何も実行されていません。
dash-endpoint-deleted = エンドポイントを削除しました。今後このエンドポイントには何も送信されません。
dash-delivery-resent = 配信を再送信しています。

## Developers: callback delivery

dash-delivery-heading = コールバックの配信状況（過去 24 時間）
dash-delivery-warning = ストアフロントのコールバックエンドポイントでエラーが発生しているか、応答が遅くなっています。コールバックは再試行されており、再試行の上限に達したものは送信が断念されます。
dash-delivery-attempts-label = 試行
dash-delivery-answered = 2xx 応答
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate }%
dash-delivery-no-attempts = 試行なし
dash-delivery-answer-time = 応答時間
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = 中央値 { $p50 }、95 パーセンタイル { $p95 }
dash-delivery-waiting-label = 待機中
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting } 件、最も古いものは { $age } 秒前に作成
dash-delivery-waiting-minutes = { $waiting } 件、最も古いものは { $age } 分前に作成
dash-delivery-waiting-hours = { $waiting } 件、最も古いものは { $age } 時間前に作成
dash-delivery-waiting-days = { $waiting } 件、最も古いものは { $age } 日前に作成
dash-delivery-gave-up-label = 送信断念
# $count is how many callbacks gave up.
dash-resend-gave-up = 送信を断念したコールバック { $count } 件を再送信
dash-resent-none = 送信を断念したコールバックはありませんでした。何も送信されていません。
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count } 件のコールバックを再送信しています。

## Developers: refused signatures

dash-rejections-heading = 拒否された署名
dash-rejections-hint = 過去 7 日間に署名の検証に失敗したリクエスト（最大 100 件）と、ストアフロント側で考えられる誤りです。保存されるのはフィールド名のみで、値は保存されません。
dash-col-path = パス
dash-col-diagnosis = 診断
dash-col-fields = 送信されたフィールド
dash-no-rejections = 過去 7 日間に拒否された署名はありません。
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = 現在のシークレットで署名してください。使用されたシークレットは有効期限切れか、失効しています。
dash-diagnosis-non-x-fields-included = 名前が x_ で始まるフィールドのみに署名してください。
dash-diagnosis-signature-field-included = 署名対象のメッセージから x_signature フィールド自体を除外してください。
dash-diagnosis-unsorted-fields = 署名する前に、フィールドを名前のバイト順で並べ替えてください。
dash-diagnosis-separators-used = 各値はその名前の直後に、各ペアは直前のペアのすぐ後に置き、間に = や & を入れないでください。
dash-diagnosis-encoded-values = パーセントエンコードされた形式ではなく、デコードされたフィールド値に署名してください。
dash-diagnosis-empty-fields-dropped = 空の値で送信される x_ フィールドも、名前のみとして署名対象に含めてください。
dash-diagnosis-wrong-algorithm = シークレットを鍵とする HMAC-SHA256 で署名し、その 16 進ダイジェストを送信してください。
dash-diagnosis-secret-decoded = シークレットの文字列を、16 進や base64 としてデコードせず、受け取ったとおりに HMAC の鍵として使用してください。
dash-diagnosis-unknown = x_signature を除くすべての x_ フィールドを名前順に並べ、各名前の直後にその値を続けたものに、現在のシークレットを使った HMAC-SHA256 で署名してください。

## Error pages

dash-error-heading = この操作は実行できません
dash-error-malformed = リクエストの形式が正しくありません。
dash-error-not-found = このページは存在しません。
dash-error-conflict = 同時に別の変更が行われました。ページを再読み込みして、もう一度お試しください。
dash-error-too-large = フォームが大きすぎます。
dash-error-timeout = リクエストの到着に時間がかかりすぎました。
dash-error-rate-limited = この接続元から短時間に多数のリクエストがありました。しばらく待ってから、もう一度お試しください。
dash-error-deadline = 応答に時間がかかりすぎました。もう一度お試しになる前に、ページを再読み込みして、変更が反映されているかどうかをご確認ください。
dash-error-unsupported = リクエストはフォームとして送信する必要があります。
dash-error-invalid = フォームに無効な値が含まれています。
dash-error-forbidden = このフォームはこのダッシュボードから送信されたものではないため、何も変更されていません。
dash-error-unexpected = 当社側で問題が発生しました。しばらくしてから、もう一度お試しください。
dash-error-other = このリクエストは処理できません。
dash-error-detail = 開発者向けの詳細
dash-error-field = フィールド
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = お問い合わせ用の参照番号：{ $id }
dash-error-back = ダッシュボードに戻る
