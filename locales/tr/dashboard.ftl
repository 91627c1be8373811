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
dash-title-suffix = Offsite Gateway paneli
dash-footer = Offsite Gateway
# The label of the navigation, for screen readers.
dash-nav-label = Panel
dash-nav-overview = Genel bakış
dash-nav-payments = Ödemeler
dash-nav-credentials = Kimlik bilgileri
dash-nav-settings = Ayarlar
dash-nav-developers = Geliştiriciler
dash-nav-password = Parola
dash-logout = Çıkış yap
# Shown where a value is missing (no card, no answer time yet).
dash-none = –

## Words shared by several pages

dash-account-id = Hesap kimliği
dash-mode = Mod
# A payment's or a key's mode.
dash-mode-test = test
dash-mode-live = canlı
# The transaction types of the protocol: capture at once, or capture later.
dash-type-sale = satış
dash-type-authorization = provizyon
# A payment's status, beside or instead of its protocol code.
dash-status-open = açık
dash-status-challenge = 3-D Secure doğrulaması bekleniyor
dash-status-pending = beklemede
dash-status-authorized = provizyon alındı
dash-status-captured = tahsil edildi
dash-status-failed = başarısız
dash-status-cancelled = iptal edildi
dash-status-voided = provizyon iptal edildi
dash-status-expired = süresi doldu
# A card: $brand is the processor's name for the brand (visa, amex …), $last4 its last four digits.
dash-card = { $brand } ···· { $last4 }
# What a callback or webhook attempt got back: $status is the HTTP status code.
dash-answer-http = HTTP { $status }
dash-answer-none = yanıt yok
dash-answer-not-attempted = henüz denenmedi
# A duration in milliseconds.
dash-duration-ms = { $ms } ms
dash-col-when = Zaman (UTC)
dash-col-created = Oluşturulma (UTC)
dash-col-from = Kaynak
dash-col-status = Durum
dash-col-mode = Mod
# Why a card attempt failed, as the test processor says it (the shopper saw the same).
dash-reason-declined = Kartınız reddedildi.
dash-reason-insufficient-funds = Yetersiz bakiye.
dash-reason-error = Ödeme gerçekleştirilemedi.
dash-reason-challenge-failed = 3-D Secure doğrulaması başarısız oldu.
dash-test-only-note = Bu hesap yalnızca test ödemelerini kabul eder (x_test=true): Bu ödeme geçidinin canlı bir ödeme işlemcisi olmadığından x_test=false, live_mode_unavailable ile reddedilir ve hiçbir ücret alınmaz.

## Logging in, the setup link, passwords

dash-login-title = Giriş yap
dash-login-heading = Panelinize giriş yapın
dash-email = E-posta
dash-password = Parola
dash-login-button = Giriş yap
dash-login-lost = Parolanızı mı unuttunuz? Ödeme geçidi operatörünüzden yeni bir kurulum bağlantısı isteyin.
dash-login-welcome = Parolanız belirlendi. Bu parolayla giriş yapabilirsiniz.
dash-login-ended = Oturumunuz kapatıldı.
dash-login-invalid = E-posta adresi veya parola hatalı.
# $minutes is how long the login stays locked.
dash-login-locked = Çok fazla başarısız giriş denemesi yapıldı. Lütfen { $minutes ->
    [one] { $minutes } dakika
   *[other] { $minutes } dakika
} bekleyip tekrar deneyin.
dash-setup-title = Parolanızı belirleyin
# $email is the user's email address, in bold.
dash-setup-for = { $email } için. Bu bağlantı yalnızca bir kez kullanılabilir.
dash-setup-button = Parolayı belirle
dash-link-gone-heading = Bu bağlantı çalışmıyor
dash-link-gone = Kurulum bağlantısının süresi dolmuş veya bağlantı daha önce kullanılmış. Ödeme geçidi operatörünüzden yeni bir bağlantı isteyin.
dash-go-to-login = Giriş sayfasına git
dash-new-password = Yeni parola
dash-new-password-hint = En az 12 karakter.
dash-new-password-again = Yeni parola (tekrar)
dash-password-mismatch = Girdiğiniz iki parola aynı değil.
dash-password-too-short = Parola en az 12 karakter olmalıdır.
dash-password-too-long = Parola çok uzun.
dash-password-title = Parola
dash-password-heading = Parolanızı değiştirin
dash-password-sessions = Parolanızı değiştirdiğinizde diğer oturumlarınız kapatılır.
dash-current-password = Mevcut parola
dash-password-button = Parolayı değiştir
dash-password-wrong = Mevcut parola hatalı.
dash-password-changed = Parolanız değiştirildi; diğer oturumlarınız kapatıldı.

## The overview

dash-overview-title = Genel bakış
dash-mode-test-only = yalnızca test ödemeleri
dash-mode-test-and-live = test ve canlı ödemeler
dash-audit-heading = Denetim kaydı
dash-audit-hint = Bu hesaba ait tüm kimlik bilgisi, ayar ve giriş olayları; en yenisi en üstte.
dash-col-event = Olay
dash-col-who = Kim
dash-col-detail = Ayrıntı

## Credentials

dash-credentials-title = Kimlik bilgileri
dash-secret = Gizli anahtar
# $version is the secret's version number (1, 2, …).
dash-secret-version = sürüm { $version }; yalnızca oluşturulduğu anda gösterilir
dash-previous-secret = Önceki gizli anahtar
# $until is a date and time.
dash-previous-verifies-until = { $until } tarihine kadar doğrulamada geçerli
dash-new-secret-heading = Yeni gizli anahtarınız
dash-new-secret-copy = Şimdi mağazanızın ayarlarına kopyalayın: yalnızca bu seferlik gösterilir.
dash-rotate-heading = Gizli anahtarı yenileyin
dash-rotate-text = Yeni bir gizli anahtar oluşturulur; mevcut anahtar, seçtiğiniz geçiş süresi boyunca doğrulamada geçerli kalır. Böylece mağazanız, ödemeler reddedilmeden yeni anahtara geçebilir. Yanıtlar ve callback'ler, ilgili isteği imzalamış olan gizli anahtarla imzalanır.
dash-rotate-previous-valid = Önceki bir gizli anahtar hâlâ geçerli: tekrar yenilemeden önce onu iptal edin.
dash-overlap = Geçiş süresi (saniye)
dash-overlap-hint = 60 (1 dakika) ile 604800 (7 gün) arası; 3600 bir saat, 86400 bir gündür.
dash-rotate-button = Gizli anahtarı yenile
dash-revoke-heading = Önceki gizli anahtarı iptal edin
dash-revoke-text = Mağazanız yeni gizli anahtarı kullanmaya başladıysa geçiş süresini şimdi sonlandırın.
dash-revoke-button = Önceki gizli anahtarı iptal et
dash-overlap-not-number = Geçiş süresi saniye cinsinden bir sayı olmalıdır.
dash-overlap-out-of-range = Geçiş süresi 1 dakika ile 7 gün arasında olmalıdır.
# $until is a date and time.
dash-previous-still-valid = Önceki gizli anahtar hâlâ geçerli ({ $until } tarihine kadar); tekrar yenilemeden önce onu iptal edin.
dash-no-valid-previous = Hâlâ geçerli olan önceki bir gizli anahtar yok.
dash-no-such-merchant = Bu hesap kimliğine sahip bir üye iş yeri yok.
dash-previous-revoked = Önceki gizli anahtar artık doğrulamada kabul edilmiyor.

## Settings

dash-settings-title = Ayarlar
dash-return-hosts = Dönüş ve callback URL'leri için izin verilen host adları
dash-return-hosts-hint = Her satıra bir tane: <code>shop.example.com</code> veya alt alan adları için <code>*.shop.example.com</code>. x_url_complete, x_url_cancel veya x_url_callback değerinde başka bir host kullanan ödeme isteği reddedilir. Liste boş bırakılırsa her host'a izin verilir.
dash-frame-origins = Ödeme sayfasını gömebilecek kaynaklar (origin)
dash-frame-origins-hint = Her satıra bir tane, örneğin <code>https://shop.example.com</code>. <code>ui_mode: embedded</code> ile oluşturulan oturumlar ve <code>?embed=1</code> ile açılan ödeme sayfaları yalnızca bu kaynaklar tarafından çerçeve içine alınabilir.
dash-settings-button = Ayarları kaydet
dash-settings-saved = Ayarlar kaydedildi.
# $entry is a line of the form, as typed.
dash-settings-bad-host = Hiçbir şey kaydedilmedi: "{ $entry }" bir host adı değil (harfler, rakamlar, kısa çizgiler ve noktalar ya da *.example.com).
# $entry is a line of the form, as typed.
dash-settings-bad-origin = Hiçbir şey kaydedilmedi: "{ $entry }", https://shop.example.com gibi bir kaynak değil (https, yol olmadan).
# $max is the most lines a list may have.
dash-settings-too-many = Hiçbir şey kaydedilmedi: en fazla { $max } giriş olabilir.

## The payments list

dash-payments-title = Ödemeler
dash-status = Durum
# The status filter's choice that filters nothing.
dash-status-any = Tümü
dash-reference = Referans
dash-from = Başlangıç (UTC)
dash-to = Bitiş (UTC)
dash-filter-button = Filtrele
dash-filter-clear = Temizle
# $count is how many payments this page lists.
dash-payments-hint = En yeniler önce, { $count ->
    [one] bu sayfada { $count } ödeme
   *[other] bu sayfada { $count } ödeme
}. Tutarlar her ödemenin kendi para birimindedir.
dash-col-reference = Referans
dash-col-amount = Tutar
dash-col-card = Kart
dash-no-payments = Eşleşen ödeme yok.
# The label of the links to other pages of the list, for screen readers.
dash-more-payments = Diğer ödemeler
dash-newest-page = En yeni ödemeler
dash-older-page = Daha eski ödemeler
dash-payments-bad-status = Hiçbir şey listelenmedi: Bilinmeyen durum.
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-from = Hiçbir şey listelenmedi: Başlangıç, 2026-12-01 gibi bir gün olmalıdır
# The day must be typed in this form (year-month-day), whatever the language.
dash-payments-bad-to = Hiçbir şey listelenmedi: Bitiş, 2026-12-01 gibi bir gün olmalıdır

## One payment

# $reference is the storefront's order reference.
dash-payment-heading = Ödeme { $reference }
dash-all-payments = Tüm ödemeler
dash-amount = Tutar
dash-type = Tür
dash-card-label = Kart
dash-captured = Tahsil edilen
dash-refunded = İade edilen
dash-created = Oluşturulma (UTC)
dash-gateway-reference = Ödeme geçidi referansı
dash-payment-id = Ödeme kimliği
dash-operations-heading = Tahsilat, iade veya provizyon iptali
dash-operations-hint = Her işlem imzalanır, mağazanızın callback URL'sine bildirilir ve denetim kaydına yazılır.
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-capture-amount = Tahsil edilecek tutar ({ $currency })
# $max is the formatted amount with its currency.
dash-capture-hint = En fazla { $max }: provizyonu alınmış ve henüz tahsil edilmemiş tutar.
dash-capture-button = Tahsil et
# $currency is the ISO code of the payment's currency (USD, EUR …).
dash-refund-amount = İade edilecek tutar ({ $currency })
# $max is the formatted amount with its currency.
dash-refund-hint = En fazla { $max }: tahsil edilmiş ve henüz iade edilmemiş tutar.
dash-refund-button = İade et
dash-void-text = Provizyonun tamamını serbest bırakın: sonrasında hiçbir kısmı tahsil edilemez.
dash-void-button = Provizyonu iptal et
# $status is the payment's status in words (captured, voided …).
dash-no-operations = Ödemenin durumu { $status } iken tahsilat, iade veya provizyon iptali yapılamaz.
dash-done-capture = Tahsilat yapıldı.
dash-done-refund = İade yapıldı.
dash-done-void = Provizyon iptal edildi.
dash-done-resend = Callback yeniden gönderiliyor.
# $why is the gateway's technical reason, in English.
dash-operation-refused = Hiçbir işlem yapılmadı: { $why }.
dash-timeline-heading = Zaman çizelgesi
dash-callbacks-heading = Callback'ler
# $id is the callback's number, $result the x_result it reports, $status its delivery state
# (pending, delivered, gave_up, superseded).
dash-callback-heading = Callback { $id }: { $result }, { $status }
# As dash-callback-heading, for a callback about the operation $operation (its id).
dash-callback-heading-operation = Callback { $id }: { $operation } için { $result }, { $status }
# $url is the storefront's callback URL, $queued a date and time.
dash-callback-to = Hedef: { $url }; kuyruğa alınma zamanı: { $queued }.
dash-callback-not-attempted = Henüz denenmedi.
# The label of the table of a callback's attempts, for screen readers.
dash-callback-attempts-label = { $id } numaralı callback'in denemeleri
dash-col-attempt = Deneme
dash-col-answer = Yanıt
dash-col-time-taken = Süre
dash-callback-resend = { $id } numaralı callback'i yeniden gönder
dash-no-callbacks = Bu ödeme için henüz callback yok.

## The timeline: one sentence an event

# $amount is formatted with its currency, $type a transaction type (sale, authorization), $mode test or live.
dash-event-request = Ödeme isteği alındı: { $amount }, { $type }, { $mode }
dash-event-page-shown = Ödeme sayfası ilk kez gösterildi
# $attempt counts the card attempts from 1; $brand and $last4 name the card (visa, 0002).
dash-event-charge-approved = { $attempt }. kart denemesi ({ $brand } ···· { $last4 }): onaylandı
dash-event-charge-declined = { $attempt }. kart denemesi ({ $brand } ···· { $last4 }): reddedildi
# As dash-event-charge-declined, with $why the processor's reason.
dash-event-charge-declined-why = { $attempt }. kart denemesi ({ $brand } ···· { $last4 }): reddedildi — { $why }
dash-event-charge-pending = { $attempt }. kart denemesi ({ $brand } ···· { $last4 }): ödeme işlemcisinde beklemede
dash-event-charge-challenge = { $attempt }. kart denemesi ({ $brand } ···· { $last4 }): 3-D Secure doğrulaması istendi
dash-event-charge-error = { $attempt }. kart denemesi ({ $brand } ···· { $last4 }): ödeme işlemcisi hatası
# As dash-event-charge-error, with $why the processor's reason.
dash-event-charge-error-why = { $attempt }. kart denemesi ({ $brand } ···· { $last4 }): ödeme işlemcisi hatası — { $why }
# $attempt is the card attempt the 3-D Secure step belongs to.
dash-event-3ds-passed = { $attempt }. denemenin 3-D Secure doğrulaması başarılı
dash-event-3ds-failed = { $attempt }. denemenin 3-D Secure doğrulaması başarısız
dash-event-3ds-failed-why = { $attempt }. denemenin 3-D Secure doğrulaması başarısız — { $why }
# $result is the x_result the storefront was told (completed, failed …).
dash-event-outcome = Sonuç: { $result }
# As dash-event-outcome, with $why the reason given with it.
dash-event-outcome-why = Sonuç: { $result } — { $why }
dash-event-cancelled = Müşteri tarafından iptal edildi
# $amount is formatted with its currency, $operation the operation's id.
dash-event-capture = { $amount } tutarında tahsilat ({ $operation })
dash-event-refund = { $amount } tutarında iade ({ $operation })
dash-event-void = Provizyon iptali ({ $operation })
# $id is the callback's number, $result the x_result it reports, $url where it goes.
dash-event-callback = Callback { $id } kuyruğa alındı ({ $result }), hedef: { $url }
dash-event-callback-operation = Callback { $id } kuyruğa alındı ({ $operation } için { $result }), hedef: { $url }
# $callback is the callback's number, $attempt counts its attempts from 1, $ms the milliseconds it took.
dash-event-attempt-http = Callback { $callback }, deneme { $attempt }: { $ms } ms içinde HTTP { $status }
# $error is the kind of failure as the gateway names it (timeout, connect …).
dash-event-attempt-failed = Callback { $callback }, deneme { $attempt }: { $ms } ms içinde { $error }
dash-event-attempt-none = Callback { $callback }, deneme { $attempt }: { $ms } ms içinde yanıt yok

## Developers: API keys

dash-developers-title = Geliştiriciler
dash-keys-heading = API anahtarları
dash-keys-hint = Sunucunuz, <code>Authorization: Bearer</code> ve bu anahtarlardan biriyle <a>oturum API'sini</a> çağırır. Test anahtarı (<code>sk_test_…</code>) yalnızca test ödemeleri oluşturabilir ve görebilir. Anahtarın yalnızca özeti (hash) saklanır: anahtar yalnızca bir kez, oluşturulduğunda gösterilir.
# $id is the key's id.
dash-new-key-heading-test = Yeni test API anahtarınız: { $id }
dash-new-key-heading-live = Yeni canlı API anahtarınız: { $id }
dash-new-key-copy = Şimdi sunucunuzun yapılandırmasına kopyalayın: tekrar gösterilmeyecek.
# The label of the table of keys, for screen readers.
dash-keys-label = API anahtarlarınız
dash-col-id = Kimlik
dash-col-key = Anahtar
# $at is a date and time.
dash-key-revoked-at = { $at } tarihinde iptal edildi
# The label of a key's revoke button, for screen readers; $id is the key's id.
dash-key-revoke-label = İptal et: { $id }
dash-key-revoke = İptal et
dash-no-keys = Henüz API anahtarı yok.
dash-live-key = Canlı anahtar (<code>sk_live_…</code>)
dash-live-hint-test-only = Bu hesap yalnızca test ödemelerini kabul eder: hesap canlı ödemeler için etkinleştirilene kadar canlı anahtar reddedilir.
dash-live-hint = İşaretlenmezse: hiçbir zaman canlı bir ödemeye dokunmayan bir test anahtarı.
dash-key-button = API anahtarı oluştur
dash-key-live-refused = Bu hesap yalnızca test ödemelerini kabul ettiğinden canlı bir anahtar her istekte reddedilirdi: hiçbir anahtar oluşturulmadı. Bunun yerine bir test anahtarı oluşturun.
dash-key-not-found = Bu API anahtarı, bu hesabın etkin anahtarları arasında bulunamadı: hiçbir şey iptal edilmedi.
dash-key-revoked = API anahtarı iptal edildi: bu anahtarla yapılan istekler 401 yanıtı alır.

## Developers: webhook endpoints

dash-webhooks-heading = Webhook uç noktaları
dash-webhooks-hint = Her olay, ona abone olan uç noktalara JSON olarak POST edilir; uç noktanın gizli anahtarıyla Standard Webhooks yöntemiyle (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) imzalanır ve alıcınız 2xx yanıtı verene kadar yeniden denenir. Gizli anahtar yalnızca bir kez, oluşturulduğunda gösterilir.
# $id is the endpoint's id.
dash-new-webhook-secret-rotated = { $id } için yeni gizli anahtar
dash-new-webhook-secret = Yeni uç noktanız { $id } için gizli anahtar
dash-new-webhook-copy = Şimdi webhook alıcınıza kopyalayın: tekrar gösterilmeyecek.
# $until is a date and time.
dash-new-webhook-previous = Önceki gizli anahtar da { $until } tarihine kadar her teslimatı imzalar.
# The label of the table of endpoints, for screen readers.
dash-webhooks-label = Webhook uç noktalarınız
dash-col-endpoint = Uç nokta
dash-col-events = Olaylar
dash-col-secret = Gizli anahtar
dash-col-actions = İşlemler
# $at is a date and time.
dash-endpoint-created = oluşturulma: { $at }
# $until is a date and time.
dash-endpoint-previous-until = önceki gizli anahtar { $until } tarihine kadar geçerli
dash-endpoint-one-secret = tek gizli anahtar
# An endpoint subscribed to every event type, * included.
dash-endpoint-all-events = tüm olaylar (*)
# The labels of an endpoint's buttons, for screen readers; $id is the endpoint's id.
dash-endpoint-rotate-label = { $id } için gizli anahtarı yenile
dash-endpoint-rotate = Gizli anahtarı yenile
dash-endpoint-delete-label = { $id } uç noktasını sil
dash-endpoint-delete = Sil
dash-no-endpoints = Henüz webhook uç noktası yok.
# $id is the endpoint's id, as code.
dash-deliveries-heading = { $id } uç noktasına yapılan son teslimatlar
dash-deliveries-none = Bu uç noktaya henüz hiçbir şey gönderilmedi.
dash-col-event-payment = Olay ve ödeme
dash-col-last-answer = Son yanıt
dash-col-action = İşlem
# $payment is the payment's id, linked to its page.
dash-delivery-payment = ödeme { $payment }
# $count is how many times the delivery was attempted.
dash-delivery-attempts = { $count ->
    [one] { $count } deneme
   *[other] { $count } deneme
}
# The label of a delivery's button, for screen readers: $id is the delivery's number, $event its event type.
dash-delivery-resend-label = Yeniden gönder: teslimat { $id }, { $event }
dash-delivery-resend = Yeniden gönder
dash-webhook-form-heading = Uç nokta ekleyin
dash-webhook-url = Uç nokta URL'si
dash-webhook-url-hint = Alıcınızın dinlediği adres: herkese açık bir host üzerinde, varsayılan bağlantı noktasını kullanan bir https URL'si.
dash-events-legend = Gönderilecek olaylar
dash-events-hint = "Tüm olaylar", sonradan eklenen türleri de kapsar.
dash-events-all = Tüm olaylar (<code>*</code>)
dash-webhook-button = Uç noktayı ekle
dash-webhook-url-missing = Webhook alıcınızın dinlediği URL'yi girin.
# $max is a number of characters.
dash-webhook-url-too-long = URL en fazla { $max } karakter olmalıdır.
dash-webhook-url-not-https = URL mutlak bir https URL'si olmalıdır.
dash-webhook-url-bad-characters = URL boşluk, ters eğik çizgi veya kontrol karakteri içermemelidir.
dash-webhook-url-userinfo = URL kullanıcı adı veya parola içermemelidir.
dash-webhook-url-private = URL herkese açık bir host belirtmelidir.
dash-webhook-url-port = URL varsayılan bağlantı noktasını kullanmalıdır.
dash-webhook-url-bad-host = URL'deki host adı geçerli bir DNS adı değil.
dash-webhook-events-missing = En az bir olay veya tüm olayları seçin.
# $event is what was sent; $types lists the event types, separated by commas.
dash-webhook-event-unknown = "{ $event }" bir olay türü değil; olay türleri şunlardır: { $types }.
# $max is the most endpoints an account may have.
dash-webhook-too-many = Bu hesabın zaten izin verilen en fazla sayıda, yani { $max } uç noktası var: önce birini silin.
dash-webhook-not-saved = Hiçbir şey kaydedilmedi: lütfen aşağıdaki formu düzeltin.
dash-webhook-not-found = Bu uç nokta veya teslimat, bu hesaba ait olanlar arasında bulunamadı: hiçbir işlem yapılmadı.
dash-endpoint-deleted = Uç nokta silindi: artık ona hiçbir şey gönderilmeyecek.
dash-delivery-resent = Teslimat yeniden gönderiliyor.

## Developers: callback delivery

dash-delivery-heading = Callback teslimatı, son 24 saat
dash-delivery-warning = Mağazanızın callback uç noktası hata veriyor veya yavaş yanıt veriyor: callback'ler yeniden deneniyor ve deneme hakkı biten bir callback'ten vazgeçiliyor.
dash-delivery-attempts-label = Denemeler
dash-delivery-answered = 2xx yanıtı alınan
# $rate is a percentage with one decimal (99.5).
dash-delivery-rate = %{ $rate }
dash-delivery-no-attempts = deneme yok
dash-delivery-answer-time = Yanıt süresi
# $p50 and $p95 are durations (or a dash when there are none).
dash-delivery-time = medyan { $p50 }, 95. yüzdelik { $p95 }
dash-delivery-waiting-label = Bekleyen
# $waiting is how many callbacks wait; $age how long ago the oldest of them was made.
dash-delivery-waiting-seconds = { $waiting }; en eskisi { $age ->
    [one] { $age } saniye
   *[other] { $age } saniye
} önce oluşturuldu
dash-delivery-waiting-minutes = { $waiting }; en eskisi { $age ->
    [one] { $age } dakika
   *[other] { $age } dakika
} önce oluşturuldu
dash-delivery-waiting-hours = { $waiting }; en eskisi { $age ->
    [one] { $age } saat
   *[other] { $age } saat
} önce oluşturuldu
dash-delivery-waiting-days = { $waiting }; en eskisi { $age ->
    [one] { $age } gün
   *[other] { $age } gün
} önce oluşturuldu
dash-delivery-gave-up-label = Vazgeçilen
# $count is how many callbacks gave up.
dash-resend-gave-up = { $count ->
    [one] Vazgeçilen callback'i yeniden gönder
   *[other] Vazgeçilen { $count } callback'i yeniden gönder
}
dash-resent-none = Vazgeçilen callback yoktu: hiçbir şey gönderilmedi.
# $count is how many callbacks are sent again (at least one).
dash-resent = { $count ->
    [one] { $count } callback yeniden gönderiliyor.
   *[other] { $count } callback yeniden gönderiliyor.
}

## Developers: refused signatures

dash-rejections-heading = Reddedilen imzalar
dash-rejections-hint = Son 7 gün içinde imzası doğrulanamayan istekler (en fazla 100) ve mağazanın büyük olasılıkla neyi yanlış yaptığı. Yalnızca alanların adları saklanır, değerleri asla saklanmaz.
dash-col-path = Yol
dash-col-diagnosis = Teşhis
dash-col-fields = Gönderilen alanlar
dash-no-rejections = Son 7 günde reddedilen imza yok.
# What the storefront's developer should do, for each diagnosis of the signature doctor.
dash-diagnosis-previous-secret-expired = Mevcut gizli anahtarla imzalayın; kullanılan anahtarın süresi dolmuş veya anahtar iptal edilmiş.
dash-diagnosis-non-x-fields-included = Yalnızca adı x_ ile başlayan alanları imzalayın.
dash-diagnosis-signature-field-included = x_signature alanının kendisini imzalanan mesajın dışında bırakın.
dash-diagnosis-unsorted-fields = İmzalamadan önce alanları adlarına göre bayt sırasıyla sıralayın.
dash-diagnosis-separators-used = Her değeri doğrudan adının arkasına, her çifti de doğrudan bir öncekinin arkasına koyun; aralarına = veya & koymayın.
dash-diagnosis-encoded-values = Alan değerlerinin yüzde kodlamalı (percent-encoded) biçimini değil, çözülmüş hâlini imzalayın.
dash-diagnosis-empty-fields-dropped = Boş değerle gönderilen x_ alanlarını yalnızca adlarıyla imzaya dahil edin.
dash-diagnosis-wrong-algorithm = Gizli anahtarı anahtar olarak kullanan HMAC-SHA256 ile imzalayın ve onaltılık (hex) özeti gönderin.
dash-diagnosis-secret-decoded = HMAC anahtarı olarak gizli anahtar metnini hex veya base64 çözmesi yapmadan, tam olarak verildiği gibi kullanın.
dash-diagnosis-unknown = x_signature dışındaki tüm x_ alanlarını adlarına göre sıralayıp her adın ardından değerini getirerek, mevcut gizli anahtarla HMAC-SHA256 kullanarak imzalayın.

## Error pages

dash-error-heading = Bu işlem yapılamıyor
dash-error-malformed = İstek hatalı biçimde oluşturulmuş.
dash-error-not-found = Bu sayfa mevcut değil.
dash-error-conflict = Aynı anda başka bir değişiklik yapıldı. Lütfen sayfayı yeniden yükleyip tekrar deneyin.
dash-error-too-large = Form çok büyük.
dash-error-timeout = İsteğin ulaşması çok uzun sürdü.
dash-error-rate-limited = Kısa sürede buradan çok fazla istek gönderildi. Lütfen biraz bekleyip tekrar deneyin.
dash-error-deadline = Yanıt çok uzun sürdü. Tekrar denemeden önce, değişikliğin yapılıp yapılmadığını görmek için sayfayı yeniden yükleyin.
dash-error-unsupported = İstek form olarak gönderilmelidir.
dash-error-invalid = Formda geçersiz bir değer var.
dash-error-forbidden = Bu form bu panelden gönderilmedi, bu nedenle hiçbir şey değiştirilmedi.
dash-error-unexpected = Bizim tarafımızda bir sorun oluştu. Lütfen birazdan tekrar deneyin.
dash-error-other = Bu istek işlenemiyor.
dash-error-detail = Geliştiriciler için ayrıntılar
dash-error-field = Alan
# $id is the request's id, which support can look up in the logs.
dash-error-request-id = Destek için referans numarası: { $id }
dash-error-back = Panele dön
