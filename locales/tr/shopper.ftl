# What the shopper reads: the hosted payment page, 3-D Secure, outcomes and error pages.
# Each locale's file has exactly these messages, with the same variables (tests check it).

site-name = offsite-gateway
test-mode = Test modu: Gerçek para aktarılmaz ve bu hesap yalnızca test ödemelerini kabul eder. 4242 4242 4242 4242 numaralı kartı deneyebilirsiniz.
# The page's heading; $shop is the store's name.
pay-heading = { $shop } için ödeme
amount-label = Tutar
description-label = Açıklama
reference-label = Sipariş
card-heading = Kart bilgileri
cardholder-name = Kart üzerindeki ad soyad
card-number = Kart numarası
card-number-hint = Kartınızın ön yüzündeki uzun numara.
# Shown under the card number once the brand is known: as typed, or after a submit.
card-brand = Kart türü: { $brand }
card-expiry = Son kullanma tarihi
card-expiry-hint = AA/YY, örneğin 04/29.
card-cvc = Güvenlik kodu
card-cvc-hint = Arka yüzdeki 3 hane ya da American Express kartlarında ön yüzdeki 4 hane.
card-cvc-hint-amex = Kartın ön yüzündeki 4 hane.
card-cvc-hint-other = Kartın arka yüzündeki 3 hane.
# $amount is the formatted amount with its currency.
pay-button = { $amount } öde
cancel-link = İptal et ve { $shop } mağazasına dön
fix-fields = Lütfen aşağıda işaretlenen alanları düzeltin.
# $message says why the last attempt failed; $left is how many attempts remain.
try-again = { $message } Tekrar deneyebilir veya başka bir kart kullanabilirsiniz ({ $left ->
    [one] bir deneme hakkınız kaldı
   *[other] { $left } deneme hakkınız kaldı
}).
holder-missing = Lütfen kartın üzerinde yazan adı girin.
number-missing = Lütfen kart numarasını girin.
number-invalid = Bu kart numarası geçerli değil. Lütfen kontrol edip tekrar deneyin.
expiry-missing = Lütfen son kullanma tarihini girin.
expiry-format = Lütfen son kullanma tarihini AA/YY biçiminde girin.
expiry-past = Bu kartın süresi dolmuş.
cvc-missing = Lütfen güvenlik kodunu girin.
cvc-format = Güvenlik kodu 3 hanelidir (American Express kartlarında 4 hane).
cvc-format-amex = American Express kartlarında güvenlik kodu, kartın ön yüzündeki 4 hanedir.
cvc-format-other = Güvenlik kodu, kartın arka yüzündeki 3 hanedir.
brand-visa = Visa
brand-mastercard = Mastercard
brand-amex = American Express
brand-discover = Discover
brand-other = Kart
decline-declined = Kartınız reddedildi.
decline-insufficient-funds = Yetersiz bakiye.
decline-error = Ödeme gerçekleştirilemedi.
decline-challenge-failed = 3-D Secure doğrulaması başarısız oldu.
challenge-heading = Bu ödemeyi onaylayın
challenge-text = Kartınızı veren banka bu ödemeyi onaylamanızı istiyor (simüle edilmiş 3-D Secure).
challenge-approve = Ödemeyi onayla
challenge-deny = Reddet
outcome-completed = Ödeme tamamlandı. Teşekkür ederiz!
outcome-authorized = Ödeme için provizyon alındı. Mağaza, siparişiniz kargoya verildiğinde tutarı tahsil edecektir.
outcome-pending = Ödeme alındı ve onaylanıyor. İşlem tamamlandığında mağazaya bildirilecektir.
outcome-failed = Ödeme başarısız oldu.
outcome-cancelled = Ödeme iptal edildi.
outcome-voided = Provizyon iptal edildi; herhangi bir ücret alınmadı.
outcome-expired = Bu ödemenin süresi, ödeme yapılmadan doldu; herhangi bir ücret alınmadı.
# $brand is the card's brand name, $last4 its last four digits.
outcome-card = Kart: sonu { $last4 } ile biten { $brand }
return-link = { $shop } mağazasına dön
error-heading = Bu ödeme isteği işlenemiyor
error-field = Alan
error-detail = Mağaza geliştiricisi için ayrıntılar
error-next = Lütfen mağazaya dönüp tekrar deneyin. Sorun devam ederse mağazayla iletişime geçin.
# Before the request id on an error page: what to quote to support.
error-request-id = Destek için referans numarası
error-malformed = Ödeme isteği hatalı biçimde oluşturulmuş.
error-signature = Ödeme isteğinin imzası geçerli değil.
error-unknown-account = Mağazanın hesabı bu ödeme geçidinde tanımlı değil.
error-not-found = Bu sayfa mevcut değil.
error-conflict = Bu sipariş için zaten farklı bir ödeme var.
error-too-large = Ödeme isteği çok büyük.
error-timeout = İsteğin ulaşması çok uzun sürdü.
error-rate-limited = Kısa sürede buradan çok fazla istek gönderildi. Lütfen biraz bekleyip tekrar deneyin.
error-deadline = Yanıt çok uzun sürdü. Ödeme yapıyorduysanız, tekrar ödemeden önce ödemenin gerçekleşip gerçekleşmediğini görmek için ödeme sayfasını yeniden açın.
error-unsupported = Ödeme isteği form olarak gönderilmelidir.
error-invalid = Ödeme isteğinde geçersiz bir değer var.
error-forbidden = Bu form bu ödeme sayfasından gönderilmedi.
error-live-mode = Bu ödeme geçidi yalnızca test ödemelerini kabul eder: henüz gerçek ödeme yapılamaz.
error-unexpected = Bizim tarafımızda bir sorun oluştu. Lütfen birazdan tekrar deneyin.
index-heading = offsite-gateway
index-text = Mağaza platformları için x_ offsite protokolünü kullanan, barındırılan bir ödeme geçidi.
