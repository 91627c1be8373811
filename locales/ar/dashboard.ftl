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
dash-title-suffix = لوحة تحكم Offsite Gateway
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = لوحة التحكم
dash-nav-overview = نظرة عامة
dash-nav-payments = المدفوعات
dash-nav-credentials = بيانات الاعتماد
dash-nav-settings = الإعدادات
dash-nav-developers = المطوّرون
dash-nav-password = كلمة المرور
dash-logout = تسجيل الخروج
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = معرّف الحساب
dash-mode = الوضع
# A payment's or a key's mode.
dash-mode-test = تجريبي
dash-mode-live = مباشر
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = بيع
dash-type-authorization = تفويض
# A payment's status, beside or instead of its protocol code.
dash-status-open = مفتوحة
dash-status-challenge = بانتظار التحقق عبر 3-D Secure
dash-status-pending = قيد الانتظار
dash-status-authorized = مفوَّضة
dash-status-captured = محصَّلة
dash-status-failed = فاشلة
dash-status-cancelled = ملغاة
dash-status-voided = مُبطَلة
dash-status-expired = منتهية الصلاحية
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = ⁦HTTP { $status }⁩
dash-answer-none = لا توجد استجابة
dash-answer-not-attempted = لم تُجرَ أي محاولة بعد
# A duration in milliseconds.
dash-duration-ms = ⁦{ $ms } ms⁩
dash-col-when = الوقت (UTC)
dash-col-created = تاريخ الإنشاء (UTC)
dash-col-from = المصدر
dash-col-status = الحالة
dash-col-mode = الوضع
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = تم رفض بطاقتك.
dash-reason-insufficient-funds = الرصيد غير كافٍ.
dash-reason-error = تعذّرت معالجة الدفعة.
dash-reason-challenge-failed = فشلت المصادقة عبر 3-D Secure.
dash-test-only-note = لا يقبل هذا الحساب إلا المدفوعات التجريبية (x_test=true): لا يتوفر لدى بوابة الدفع هذه معالج للمدفوعات الحقيقية، لذا يُرفض x_test=false بالخطأ live_mode_unavailable ولا يُخصم أي مبلغ.

## Logging in, the setup link, passwords

dash-login-title = تسجيل الدخول
dash-login-heading = سجّل الدخول إلى لوحة التحكم
dash-email = البريد الإلكتروني
dash-password = كلمة المرور
dash-login-button = تسجيل الدخول
dash-login-lost = هل نسيت كلمة المرور؟ اطلب من مشغّل بوابة الدفع رابط إعداد جديدًا.
dash-login-welcome = تم تعيين كلمة المرور. سجّل الدخول باستخدامها.
dash-login-ended = تم تسجيل خروجك.
dash-login-invalid = البريد الإلكتروني أو كلمة المرور غير صحيحة.
# $minutes is how long the login stays locked.
dash-login-locked = محاولات تسجيل دخول فاشلة كثيرة جدًا. يُرجى الانتظار { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} ثم المحاولة مرة أخرى.
dash-setup-title = تعيين كلمة المرور
# $email is the user's email address, in bold.
dash-setup-for = للمستخدم { $email }. لا يعمل هذا الرابط إلا مرة واحدة.
dash-setup-button = تعيين كلمة المرور
dash-link-gone-heading = هذا الرابط لا يعمل
dash-link-gone = انتهت صلاحية رابط الإعداد أو سبق استخدامه. اطلب رابطًا جديدًا من مشغّل بوابة الدفع.
dash-go-to-login = الانتقال إلى صفحة تسجيل الدخول
dash-new-password = كلمة المرور الجديدة
dash-new-password-hint = 12 حرفًا على الأقل.
dash-new-password-again = تأكيد كلمة المرور الجديدة
dash-password-mismatch = كلمتا المرور غير متطابقتين.
dash-password-too-short = يجب أن تتكوّن كلمة المرور من 12 حرفًا على الأقل.
dash-password-too-long = كلمة المرور طويلة جدًا.
dash-password-title = كلمة المرور
dash-password-heading = تغيير كلمة المرور
dash-password-sessions = عند تغييرها، تنتهي جلساتك الأخرى.
dash-current-password = كلمة المرور الحالية
dash-password-button = تغيير كلمة المرور
dash-password-wrong = كلمة المرور الحالية غير صحيحة.
dash-password-changed = تم تغيير كلمة المرور، وانتهت جلساتك الأخرى.

## The overview

dash-overview-title = نظرة عامة
dash-mode-test-only = مدفوعات تجريبية فقط
dash-mode-test-and-live = مدفوعات تجريبية وحقيقية
dash-audit-heading = سجل التدقيق
dash-audit-hint = جميع أحداث بيانات الاعتماد والإعدادات وتسجيل الدخول لهذا الحساب، الأحدث أولًا.
dash-col-event = الحدث
dash-col-who = المستخدم
dash-col-detail = التفاصيل

## Credentials

dash-credentials-title = بيانات الاعتماد
dash-secret = المفتاح السري
# $version is the secret's version number (1, 2, …).
dash-secret-version = الإصدار { $version }، ولا يُعرض إلا عند إنشائه
dash-previous-secret = المفتاح السري السابق
# $until is a date and time.
dash-previous-verifies-until = يُقبل للتحقق حتى { $until }
dash-new-secret-heading = مفتاحك السري الجديد
dash-new-secret-copy = انسخه الآن إلى إعدادات متجرك: لن يُعرض إلا هذه المرة فقط.
dash-rotate-heading = تدوير المفتاح السري
dash-rotate-text = يُنشأ مفتاح سري جديد، ويظل المفتاح الحالي مقبولًا للتحقق طوال فترة التداخل التي تختارها، حتى يتمكن متجرك من التبديل دون رفض أي مدفوعات. تُوقَّع الاستجابات وردود الاتصال بالمفتاح السري الذي وُقِّع به كل طلب.
dash-rotate-previous-valid = لا يزال مفتاح سري سابق صالحًا: ألغِه قبل التدوير مرة أخرى.
dash-overlap = فترة التداخل بالثواني
dash-overlap-hint = من 60 (دقيقة واحدة) إلى 604800 (7 أيام)؛ 3600 تعادل ساعة، و86400 تعادل يومًا.
dash-rotate-button = تدوير المفتاح السري
dash-revoke-heading = إلغاء المفتاح السري السابق
dash-revoke-text = بمجرد أن يستخدم متجرك المفتاح السري الجديد، أنهِ فترة التداخل الآن.
dash-revoke-button = إلغاء المفتاح السري السابق
dash-overlap-not-number = يجب أن تكون فترة التداخل عددًا من الثواني.
dash-overlap-out-of-range = يجب أن تكون فترة التداخل بين دقيقة واحدة و7 أيام.
# $until is a date and time.
dash-previous-still-valid = لا يزال المفتاح السري السابق صالحًا (حتى { $until })؛ ألغِه قبل التدوير مرة أخرى.
dash-no-valid-previous = لا يوجد مفتاح سري سابق لا يزال صالحًا.
dash-no-such-merchant = لا يوجد تاجر بمعرّف الحساب هذا.
dash-previous-revoked = لم يعد المفتاح السري السابق مقبولًا للتحقق.

## Settings

dash-settings-title = الإعدادات
dash-return-hosts = المضيفون المسموح بهم لعناوين URL الخاصة بالعودة ورد الاتصال
dash-return-hosts-hint = مضيف واحد في كل سطر: <code>shop.example.com</code>، أو <code>*.shop.example.com</code> لنطاقاته الفرعية. يُرفض أي طلب دفع يستخدم فيه x_url_complete أو x_url_cancel أو x_url_callback مضيفًا آخر. إذا تُركت القائمة فارغة، فسيُسمح بأي مضيف.
dash-frame-origins = المصادر المسموح لها بتضمين صفحة الدفع
dash-frame-origins-hint = مصدر واحد في كل سطر، مثل <code>https://shop.example.com</code>. لا يمكن تضمين الجلسات المُنشأة باستخدام <code>ui_mode: embedded</code>، وصفحات الدفع المفتوحة باستخدام <code>?embed=1</code>، إلا في إطارات من هذه المصادر.
dash-settings-button = حفظ الإعدادات
dash-settings-saved = تم حفظ الإعدادات.
# $entry is a line of the form, as typed.
dash-settings-bad-host = لم يُحفظ أي شيء: «{ $entry }» ليس اسم مضيف (أحرف وأرقام وشرطات ونقاط، أو *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = لم يُحفظ أي شيء: «{ $entry }» ليس مصدرًا مثل https://shop.example.com (https، بدون مسار).
# $max is the most lines a list may have.
dash-settings-too-many = لم يُحفظ أي شيء: الحد الأقصى لعدد الإدخالات هو { $max }.

## The payments list

dash-payments-title = المدفوعات
dash-status = الحالة
# The status filter's choice that filters nothing.
dash-status-any = الكل
dash-reference = المرجع
dash-from = من (UTC)
dash-to = إلى (UTC)
dash-filter-button = تصفية
dash-filter-clear = مسح
# $count is how many payments this page lists.
dash-payments-hint = الأحدث أولًا، { $count ->
    [zero] لا توجد مدفوعات في هذه الصفحة
    [one] دفعة واحدة في هذه الصفحة
    [two] دفعتان في هذه الصفحة
    [few] { $count } دفعات في هذه الصفحة
    [many] { $count } دفعة في هذه الصفحة
   *[other] { $count } دفعة في هذه الصفحة
}. المبالغ بعملة كل دفعة.
dash-col-reference = المرجع
dash-col-amount = المبلغ
dash-col-card = البطاقة
dash-no-payments = لا توجد مدفوعات مطابقة.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = مزيد من المدفوعات
dash-newest-page = أحدث المدفوعات
dash-older-page = مدفوعات أقدم
dash-payments-bad-status = لم يُعرض أي شيء: حالة غير معروفة.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = لم يُعرض أي شيء: يجب أن تكون قيمة «من» يومًا بالصيغة 2026-12-01
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = لم يُعرض أي شيء: يجب أن تكون قيمة «إلى» يومًا بالصيغة 2026-12-01

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = الدفعة { $reference }
dash-all-payments = جميع المدفوعات
dash-amount = المبلغ
dash-type = النوع
dash-card-label = البطاقة
dash-captured = المبلغ المحصَّل
dash-refunded = المبلغ المسترد
dash-created = تاريخ الإنشاء (UTC)
dash-gateway-reference = مرجع بوابة الدفع
dash-payment-id = معرّف الدفعة
dash-operations-heading = التحصيل أو الاسترداد أو الإبطال
dash-operations-hint = تُوقَّع كل عملية من هذه العمليات، ويُبلَّغ بها عنوان URL لرد الاتصال الخاص بمتجرك، وتُسجَّل في سجل التدقيق.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = المبلغ المراد تحصيله بعملة { $currency }
# $max is the formatted amount with its currency.
dash-capture-hint = بحد أقصى { $max }، وهو المبلغ المفوَّض الذي لم يُحصَّل بعد.
dash-capture-button = تحصيل
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = المبلغ المراد استرداده بعملة { $currency }
# $max is the formatted amount with its currency.
dash-refund-hint = بحد أقصى { $max }، وهو المبلغ المحصَّل الذي لم يُسترد بعد.
dash-refund-button = استرداد
dash-void-text = حرّر التفويض بالكامل: لن يمكن تحصيل أي جزء منه بعد ذلك.
dash-void-button = إبطال التفويض
# $status is the payment's status in words (captured, voided …).
dash-no-operations = لا يمكن تحصيل أي مبلغ أو استرداده أو إبطاله ما دامت حالة الدفعة { $status }.
dash-done-capture = تم التحصيل.
dash-done-refund = تم الاسترداد.
dash-done-void = تم إبطال التفويض.
dash-done-resend = جارٍ إرسال رد الاتصال مرة أخرى.
# $why is the gateway's technical reason, in English.
dash-operation-refused = لم يُنفَّذ أي إجراء: { $why }.
dash-timeline-heading = التسلسل الزمني
dash-callbacks-heading = ردود الاتصال
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = رد الاتصال { $id }: { $result }، { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = رد الاتصال { $id }: { $result } للعملية { $operation }، { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = إلى { $url }، أُدرج في قائمة الانتظار في { $queued }.
dash-callback-not-attempted = لم تُجرَ أي محاولة بعد.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = محاولات رد الاتصال { $id }
dash-col-attempt = المحاولة
dash-col-answer = الاستجابة
dash-col-time-taken = المدة
dash-callback-resend = إعادة إرسال رد الاتصال { $id }
dash-no-callbacks = لا توجد ردود اتصال لهذه الدفعة بعد.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = تم استلام طلب الدفع: { $amount }، { $type }، { $mode }
dash-event-page-shown = عُرضت صفحة الدفع لأول مرة
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = محاولة البطاقة { $attempt } ({ $brand } ···· { $last4 }): تمت الموافقة
dash-event-charge-declined = محاولة البطاقة { $attempt } ({ $brand } ···· { $last4 }): مرفوضة
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = محاولة البطاقة { $attempt } ({ $brand } ···· { $last4 }): مرفوضة — { $why }
dash-event-charge-pending = محاولة البطاقة { $attempt } ({ $brand } ···· { $last4 }): قيد الانتظار لدى المعالج
dash-event-charge-challenge = محاولة البطاقة { $attempt } ({ $brand } ···· { $last4 }): طُلب التحقق عبر 3-D Secure
dash-event-charge-error = محاولة البطاقة { $attempt } ({ $brand } ···· { $last4 }): خطأ لدى المعالج
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = محاولة البطاقة { $attempt } ({ $brand } ···· { $last4 }): خطأ لدى المعالج — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = نجح التحقق عبر 3-D Secure للمحاولة { $attempt }
dash-event-3ds-failed = فشل التحقق عبر 3-D Secure للمحاولة { $attempt }
dash-event-3ds-failed-why = فشل التحقق عبر 3-D Secure للمحاولة { $attempt } — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = النتيجة: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = النتيجة: { $result } — { $why }
dash-event-cancelled = ألغاها المشتري
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = تحصيل { $amount } ({ $operation })
dash-event-refund = استرداد { $amount } ({ $operation })
dash-event-void = إبطال ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = أُدرج رد الاتصال { $id } في قائمة الانتظار ({ $result }) إلى { $url }
dash-event-callback-operation = أُدرج رد الاتصال { $id } في قائمة الانتظار ({ $result } للعملية { $operation }) إلى { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = رد الاتصال { $callback }، المحاولة { $attempt }: ⁦HTTP { $status }⁩ خلال ⁦{ $ms } ms⁩
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = رد الاتصال { $callback }، المحاولة { $attempt }: { $error } بعد { $ms } ms
dash-event-attempt-none = رد الاتصال { $callback }، المحاولة { $attempt }: لا توجد استجابة بعد { $ms } ms

## Developers: API keys

dash-developers-title = المطوّرون
dash-keys-heading = مفاتيح API
dash-keys-hint = يستدعي خادمك <a>واجهة API للجلسات</a> باستخدام <code>Authorization: Bearer</code> وأحد هذه المفاتيح. لا يُنشئ المفتاح التجريبي (<code>sk_test_…</code>) ولا يرى إلا المدفوعات التجريبية. لا يُحتفظ إلا بتجزئة (hash) للمفتاح: يُعرض المفتاح مرة واحدة فقط، عند إنشائه.
# $id is the key's id.
dash-new-key-heading-test = مفتاح API التجريبي الجديد الخاص بك، { $id }
dash-new-key-heading-live = مفتاح API المباشر الجديد الخاص بك، { $id }
dash-new-key-copy = انسخه الآن إلى إعدادات خادمك: لن يُعرض مرة أخرى.
# The label of the table of keys, for screen readers.
dash-keys-label = مفاتيح API الخاصة بك
dash-col-id = المعرّف
dash-col-key = المفتاح
# $at is a date and time.
dash-key-revoked-at = أُلغي في { $at }
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = إلغاء { $id }
dash-key-revoke = إلغاء
dash-no-keys = لا توجد مفاتيح API بعد.
dash-live-key = مفتاح مباشر (<code>sk_live_…</code>)
dash-live-hint-test-only = لا يقبل هذا الحساب إلا المدفوعات التجريبية: يُرفض المفتاح المباشر إلى أن يُفعَّل الحساب للمدفوعات الحقيقية.
dash-live-hint = عند عدم التحديد: مفتاح تجريبي، لا يمس أي دفعة حقيقية أبدًا.
dash-key-button = إنشاء مفتاح API
dash-key-live-refused = لا يقبل هذا الحساب إلا المدفوعات التجريبية، لذا سيُرفض المفتاح المباشر في كل طلب: لم يُنشأ أي مفتاح. أنشئ مفتاحًا تجريبيًا بدلًا من ذلك.
dash-key-not-found = لم يُعثر على مفتاح API هذا بين المفاتيح النشطة لهذا الحساب: لم يُلغَ أي شيء.
dash-key-revoked = تم إلغاء مفتاح API: أي طلب يستخدمه يتلقى 401.

## Developers: webhook endpoints

dash-webhooks-heading = نقاط نهاية Webhook
dash-webhooks-hint = يُرسَل كل حدث عبر POST بتنسيق JSON إلى نقاط النهاية المشتركة فيه، موقَّعًا وفق Standard Webhooks (<code>webhook-id</code>، <code>webhook-timestamp</code>، <code>webhook-signature</code>) بالمفتاح السري لنقطة النهاية، وتُعاد محاولة إرساله إلى أن يستجيب المستقبِل لديك بـ 2xx. يُعرض المفتاح السري مرة واحدة فقط، عند إنشائه.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = المفتاح السري الجديد لنقطة النهاية { $id }
dash-new-webhook-secret = المفتاح السري لنقطة النهاية الجديدة، { $id }
dash-new-webhook-copy = انسخه الآن إلى مستقبِل Webhook لديك: لن يُعرض مرة أخرى.
# $until is a date and time.
dash-new-webhook-previous = يوقّع المفتاح السري السابق أيضًا كل عملية تسليم حتى { $until }.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = نقاط نهاية Webhook الخاصة بك
dash-col-endpoint = نقطة النهاية
dash-col-events = الأحداث
dash-col-secret = المفتاح السري
dash-col-actions = الإجراءات
# $at is a date and time.
dash-endpoint-created = أُنشئت في { $at }
# $until is a date and time.
dash-endpoint-previous-until = المفتاح السري السابق صالح حتى { $until }
dash-endpoint-one-secret = مفتاح سري واحد
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = جميع الأحداث (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = تدوير المفتاح السري لنقطة النهاية { $id }
dash-endpoint-rotate = تدوير المفتاح السري
dash-endpoint-delete-label = حذف { $id }
dash-endpoint-delete = حذف
dash-no-endpoints = لا توجد نقاط نهاية Webhook بعد.
# $id is the endpoint's id, as code.
dash-deliveries-heading = أحدث عمليات التسليم إلى { $id }
dash-deliveries-none = لم يُرسَل إليها أي شيء بعد.
dash-col-event-payment = الحدث والدفعة
dash-col-last-answer = آخر استجابة
dash-col-action = الإجراء
# $payment is the payment's id, linked to its page.
dash-delivery-payment = الدفعة { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [zero] لا توجد محاولات
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $count } محاولات
    [many] { $count } محاولة
   *[other] { $count } محاولة
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = إعادة الإرسال: عملية التسليم { $id }، { $event }
dash-delivery-resend = إعادة الإرسال
dash-webhook-form-heading = إضافة نقطة نهاية
dash-webhook-url = عنوان URL لنقطة النهاية
dash-webhook-url-hint = العنوان الذي يستمع عليه المستقبِل لديك: عنوان URL يبدأ بـ https على مضيف عام، وعلى المنفذ الافتراضي.
dash-events-legend = الأحداث المراد إرسالها
dash-events-hint = يشمل خيار «جميع الأحداث» الأنواع التي تُضاف لاحقًا.
dash-events-all = جميع الأحداث (<code>*</code>)
dash-webhook-button = إضافة نقطة النهاية
dash-webhook-url-missing = أدخل عنوان URL الذي يستمع عليه مستقبِل Webhook لديك.
# $max is a number of characters.
dash-webhook-url-too-long = يجب ألا يزيد عدد أحرف عنوان URL على { $max }.
dash-webhook-url-not-https = يجب أن يكون عنوان URL عنوانًا مطلقًا يبدأ بـ https.
dash-webhook-url-bad-characters = يجب ألا يحتوي عنوان URL على مسافات أو شرطات مائلة عكسية أو أحرف تحكم.
dash-webhook-url-userinfo = يجب ألا يحتوي عنوان URL على اسم مستخدم أو كلمة مرور.
dash-webhook-url-private = يجب أن يشير عنوان URL إلى مضيف عام.
dash-webhook-url-port = يجب أن يستخدم عنوان URL المنفذ الافتراضي.
dash-webhook-url-bad-host = يحتوي عنوان URL على اسم مضيف ليس اسم DNS صالحًا.
dash-webhook-events-missing = اختر حدثًا واحدًا على الأقل، أو جميع الأحداث.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = «{ $event }» ليس نوع حدث؛ الأنواع هي: { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = بلغ هذا الحساب الحد الأقصى لعدد نقاط النهاية ({ $max }): احذف واحدة أولًا.
dash-webhook-not-saved = لم يُحفظ أي شيء: صحّح النموذج أدناه.
dash-webhook-not-found = لم يُعثر على نقطة النهاية أو عملية التسليم هذه ضمن ما يخص هذا الحساب: لم يُنفَّذ أي إجراء.
dash-endpoint-deleted = تم حذف نقطة النهاية: لن يُرسَل إليها أي شيء بعد الآن.
dash-delivery-resent = جارٍ إعادة إرسال عملية التسليم.

## Developers: callback delivery

dash-delivery-heading = تسليم ردود الاتصال، آخر 24 ساعة
dash-delivery-warning = نقطة نهاية رد الاتصال في متجرك تفشل أو تستجيب ببطء: تُعاد محاولة إرسال ردود الاتصال، ويتوقف إرسال أي رد اتصال تنفد محاولاته.
dash-delivery-attempts-label = المحاولات
dash-delivery-answered = تمت الاستجابة بـ 2xx
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = { $rate } %
dash-delivery-no-attempts = لا توجد محاولات
dash-delivery-answer-time = زمن الاستجابة
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = الوسيط { $p50 }، والمئين الخامس والتسعون { $p95 }
dash-delivery-waiting-label = قيد الانتظار
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }، وأقدمها أُنشئ قبل { $age ->
    [zero] { $age } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $age } ثوانٍ
    [many] { $age } ثانية
   *[other] { $age } ثانية
}
dash-delivery-waiting-minutes = { $waiting }، وأقدمها أُنشئ قبل { $age ->
    [zero] { $age } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $age } دقائق
    [many] { $age } دقيقة
   *[other] { $age } دقيقة
}
dash-delivery-waiting-hours = { $waiting }، وأقدمها أُنشئ قبل { $age ->
    [zero] { $age } ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $age } ساعات
    [many] { $age } ساعة
   *[other] { $age } ساعة
}
dash-delivery-waiting-days = { $waiting }، وأقدمها أُنشئ قبل { $age ->
    [zero] { $age } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $age } أيام
    [many] { $age } يومًا
   *[other] { $age } يوم
}
dash-delivery-gave-up-label = المتوقفة
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [zero] إعادة إرسال ردود الاتصال المتوقفة
    [one] إعادة إرسال رد الاتصال المتوقف
    [two] إعادة إرسال ردّي الاتصال المتوقفين
    [few] إعادة إرسال ردود الاتصال المتوقفة ({ $count })
    [many] إعادة إرسال ردود الاتصال المتوقفة ({ $count })
   *[other] إعادة إرسال ردود الاتصال المتوقفة ({ $count })
}
dash-resent-none = لم يكن هناك أي رد اتصال متوقف: لم يُرسَل أي شيء.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [zero] لا يُعاد إرسال أي رد اتصال.
    [one] جارٍ إعادة إرسال رد اتصال واحد.
    [two] جارٍ إعادة إرسال ردّي اتصال.
    [few] جارٍ إعادة إرسال { $count } ردود اتصال.
    [many] جارٍ إعادة إرسال { $count } رد اتصال.
   *[other] جارٍ إعادة إرسال { $count } رد اتصال.
}

## Developers: refused signatures

dash-rejections-heading = التوقيعات المرفوضة
dash-rejections-hint = طلبات آخر 7 أيام التي لم يُتحقق من صحة توقيعها (100 طلب كحد أقصى)، مع الخطأ الذي ارتكبه المتجر على الأرجح. لا يُحتفظ إلا بأسماء الحقول، ولا تُحفظ قيمها أبدًا.
dash-col-path = المسار
dash-col-diagnosis = التشخيص
dash-col-fields = الحقول المرسلة
dash-no-rejections = لا توجد توقيعات مرفوضة خلال آخر 7 أيام.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = وقّع باستخدام المفتاح السري الحالي؛ فالمفتاح المستخدم انتهت صلاحيته أو أُلغي.
dash-diagnosis-non-x-fields-included = وقّع الحقول التي تبدأ أسماؤها بـ x_ فقط.
dash-diagnosis-signature-field-included = استبعد الحقل x_signature نفسه من الرسالة الموقّعة.
dash-diagnosis-unsorted-fields = رتّب الحقول حسب الاسم بترتيب البايتات قبل التوقيع.
dash-diagnosis-separators-used = ضع كل قيمة بعد اسمها مباشرة، وكل زوج بعد الزوج السابق مباشرة، دون = أو & بينها.
dash-diagnosis-encoded-values = وقّع قيم الحقول بعد فك ترميزها، لا بصيغتها المرمّزة بترميز النسبة المئوية.
dash-diagnosis-empty-fields-dropped = أدرج حقول x_ المرسلة بقيمة فارغة، باسمها وحده.
dash-diagnosis-wrong-algorithm = وقّع باستخدام HMAC-SHA256 مع المفتاح السري مفتاحًا له، وأرسل الملخّص بالنظام الست عشري.
dash-diagnosis-secret-decoded = استخدم نص المفتاح السري كما هو تمامًا مفتاحًا لـ HMAC، دون فك ترميزه من النظام الست عشري أو من base64.
dash-diagnosis-unknown = وقّع كل حقول x_ باستثناء x_signature، مرتبةً حسب الاسم، وكل اسم متبوع بقيمته، باستخدام HMAC-SHA256 والمفتاح السري الحالي.

## Error pages

dash-error-heading = يتعذّر تنفيذ هذا الإجراء
dash-error-malformed = صيغة الطلب غير صحيحة.
dash-error-not-found = هذه الصفحة غير موجودة.
dash-error-conflict = حدث تغيير في الوقت نفسه. أعد تحميل الصفحة وحاول مرة أخرى.
dash-error-too-large = النموذج كبير جدًا.
dash-error-timeout = استغرق وصول الطلب وقتًا طويلًا جدًا.
dash-error-rate-limited = أُرسل عدد كبير جدًا من الطلبات من هنا خلال وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
dash-error-deadline = استغرق الرد وقتًا طويلًا جدًا. أعد تحميل الصفحة للتحقق مما إذا كان التغيير قد تم قبل أن تحاول مرة أخرى.
dash-error-unsupported = يجب إرسال الطلب في صورة نموذج.
dash-error-invalid = يحتوي النموذج على قيمة غير صالحة.
dash-error-forbidden = لم يُرسَل هذا النموذج من لوحة التحكم هذه، لذا لم يتغير أي شيء.
dash-error-unexpected = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى بعد قليل.
dash-error-other = تتعذّر معالجة هذا الطلب.
dash-error-detail = تفاصيل للمطوّرين
dash-error-field = الحقل
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = الرقم المرجعي للدعم: { $id }
dash-error-back = العودة إلى لوحة التحكم
