# What the shopper reads: the hosted payment page, ⁨3‑D Secure⁩, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = وضع الاختبار: لا تُنقل أي أموال حقيقية، ولا يقبل هذا الحساب إلا المدفوعات التجريبية. يمكنك تجربة البطاقة 4242 4242 4242 4242.
# The page's heading; $shop is the store's name.
pay-heading = الدفع إلى { $shop }
amount-label = المبلغ
description-label = الوصف
reference-label = رقم الطلب
card-heading = بيانات البطاقة
cardholder-name = الاسم المدوّن على البطاقة
card-number = رقم البطاقة
card-number-hint = الرقم الطويل الموجود على الوجه الأمامي لبطاقتك.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = نوع البطاقة: { $brand }
card-expiry = تاريخ انتهاء الصلاحية
card-expiry-hint = بالصيغة MM/YY، مثلًا 04/29.
card-cvc = رمز الأمان
card-cvc-hint = 3 أرقام على ظهر البطاقة، أو 4 أرقام على وجهها الأمامي لبطاقات American Express.
card-cvc-hint-amex = 4 أرقام على الوجه الأمامي للبطاقة.
card-cvc-hint-other = 3 أرقام على ظهر البطاقة.
# $amount is the formatted amount with its currency.
pay-button = ادفع { $amount }
cancel-link = إلغاء والعودة إلى { $shop }
fix-fields = يُرجى تصحيح الحقول المحددة أدناه.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } يمكنك المحاولة مرة أخرى أو استخدام بطاقة أخرى ({ $left ->
    [zero] لم تتبقَّ أي محاولة
    [one] تتبقى محاولة واحدة
    [two] تتبقى محاولتان
    [few] تتبقى { $left } محاولات
    [many] تتبقى { $left } محاولة
   *[other] تتبقى { $left } محاولة
}).
holder-missing = يُرجى إدخال الاسم المدوّن على البطاقة.
number-missing = يُرجى إدخال رقم البطاقة.
number-invalid = رقم البطاقة هذا غير صالح. يُرجى التحقق منه والمحاولة مرة أخرى.
expiry-missing = يُرجى إدخال تاريخ انتهاء الصلاحية.
expiry-format = يُرجى إدخال تاريخ انتهاء الصلاحية بالصيغة MM/YY.
expiry-past = انتهت صلاحية هذه البطاقة.
cvc-missing = يُرجى إدخال رمز الأمان.
cvc-format = يتكوّن رمز الأمان من 3 أرقام (4 أرقام لبطاقات American Express).
cvc-format-amex = رمز الأمان لبطاقة American Express هو الأرقام الأربعة الموجودة على وجهها الأمامي.
cvc-format-other = رمز الأمان هو الأرقام الثلاثة الموجودة على ظهر البطاقة.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = بطاقة
decline-declined = تم رفض بطاقتك.
decline-insufficient-funds = الرصيد غير كافٍ.
decline-error = تعذّرت معالجة الدفعة.
decline-challenge-failed = فشلت المصادقة عبر ⁨3‑D Secure⁩.
challenge-heading = تأكيد الدفع
challenge-text = تطلب منك الجهة المُصدِرة لبطاقتك تأكيد هذه الدفعة (محاكاة لـ ⁨3‑D Secure⁩).
challenge-approve = الموافقة على الدفع
challenge-deny = رفض
outcome-completed = اكتمل الدفع. شكرًا لك!
outcome-authorized = تم تفويض الدفعة. سيُحصّل المتجر المبلغ عند شحن طلبك.
outcome-pending = تم استلام الدفعة وجارٍ تأكيدها. سيتم إبلاغ المتجر عند اكتمالها.
outcome-failed = فشلت عملية الدفع.
outcome-cancelled = تم إلغاء عملية الدفع.
outcome-voided = تم تحرير التفويض؛ لم يُخصم أي مبلغ.
outcome-expired = انتهت صلاحية هذه الدفعة قبل سدادها؛ لم يُخصم أي مبلغ.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = البطاقة: { $brand } المنتهية بالأرقام { $last4 }
return-link = العودة إلى { $shop }
error-heading = تتعذّر معالجة طلب الدفع هذا
error-field = الحقل
error-detail = تفاصيل لمطوّر المتجر
error-next = يُرجى العودة إلى المتجر والمحاولة مرة أخرى. وإذا استمرت المشكلة، فيُرجى التواصل مع المتجر.
# Before the request id on an error page: what to quote to support.
error-request-id = الرقم المرجعي للدعم
error-malformed = صيغة طلب الدفع غير صحيحة.
error-signature = توقيع طلب الدفع غير صالح.
error-unknown-account = حساب المتجر غير معروف لدى بوابة الدفع هذه.
error-not-found = هذه الصفحة غير موجودة.
error-conflict = لهذا الطلب دفعة أخرى بالفعل.
error-too-large = طلب الدفع كبير جدًا.
error-timeout = استغرق وصول الطلب وقتًا طويلًا جدًا.
error-rate-limited = أُرسل عدد كبير جدًا من الطلبات من هنا خلال وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
error-deadline = استغرق الرد وقتًا طويلًا جدًا. إذا كنت تُجري عملية دفع، فافتح صفحة الدفع مرة أخرى للتحقق مما إذا كانت الدفعة قد تمّت قبل أن تدفع مجددًا.
error-unsupported = يجب إرسال طلب الدفع في صورة نموذج.
error-invalid = يحتوي طلب الدفع على قيمة غير صالحة.
error-forbidden = لم يُرسَل هذا النموذج من صفحة الدفع هذه.
error-live-mode = لا تقبل بوابة الدفع هذه إلا المدفوعات التجريبية: لا يمكن إجراء أي دفعة حقيقية بعد.
error-unexpected = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى بعد قليل.
index-heading = offsite-gateway
index-text = بوابة دفع مستضافة لمنصات المتاجر الإلكترونية، تدعم بروتوكول x_ للدفع خارج الموقع.
