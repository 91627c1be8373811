//! The merchant dashboard over HTTP, on both databases: the setup link, login and logout,
//! sessions (idle and absolute limits, no fixation, ended by a password change), the lockout
//! after repeated failures (T14), forged forms (T10), and a user seeing only their merchant.

use crate::helpers::{ACCOUNT, OTHER_ACCOUNT, TestApp, hidden, location};
use offsite_gateway::store::users;
use std::time::{Duration, Instant};

pub const PASSWORD: &str = "correct horse battery";
pub const COOKIE: &str = "__Host-og_session";

/// A browser of the tests' own: keeps the session cookie by hand (a cookie store would not
/// send a `Secure` cookie over the tests' plain http).
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub session: Option<String>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self { app, session: None }
    }

    /// A user of `account` with `PASSWORD`, logged in.
    pub async fn logged_in(app: &'a TestApp, account: &str, email: &str) -> Self {
        let token = invite(app, account, email).await;
        let resp = setup(app, &token, PASSWORD).await;
        assert_eq!(resp.status(), 303);
        let mut b = Self::new(app);
        assert_eq!(b.login(email, PASSWORD).await, 303);
        b
    }

    /// Logs in; the status. A 303 keeps the new session cookie.
    pub async fn login(&mut self, email: &str, password: &str) -> u16 {
        let resp = self
            .send(self.app.client.post(self.app.url("/dashboard/login")))
            .form_of(&[("email", email), ("password", password)])
            .send()
            .await
            .unwrap();
        if let Some(token) = session_cookie(&resp) {
            self.session = Some(token);
        }
        resp.status().as_u16()
    }

    fn send(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.session {
            Some(s) => req.header("cookie", format!("{COOKIE}={s}")),
            None => req,
        }
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let resp = self
            .send(self.app.client.get(self.app.url(path)))
            .send()
            .await
            .unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    }

    /// The CSRF token the session's pages carry.
    pub async fn csrf(&self) -> String {
        let (status, page) = self.get("/dashboard/credentials").await;
        assert_eq!(status, 200, "{page}");
        hidden(&page, "csrf_token")
    }

    /// POSTs a form as is (no token added).
    pub async fn post_raw(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.send(self.app.client.post(self.app.url(path)))
            .form_of(form)
            .send()
            .await
            .unwrap()
    }

    /// POSTs a form with the session's CSRF token, from our own origin.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let csrf = self.csrf().await;
        let mut with_token = vec![("csrf_token", csrf.as_str())];
        with_token.extend_from_slice(form);
        self.post_raw(path, &with_token).await
    }

    /// Rotates the secret through the credentials page; the page.
    pub async fn rotate(&self, overlap: &str) -> (u16, String) {
        let resp = self
            .post(
                "/dashboard/credentials",
                &[("intent", "rotate"), ("overlap", overlap)],
            )
            .await;
        (resp.status().as_u16(), resp.text().await.unwrap())
    }
}

/// Form bodies (reqwest is built without its `form` feature).
pub trait FormOf {
    fn form_of(self, pairs: &[(&str, &str)]) -> Self;
}

impl FormOf for reqwest::RequestBuilder {
    fn form_of(self, pairs: &[(&str, &str)]) -> Self {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    }
}

/// The session token a response sets, if any.
pub fn session_cookie(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{COOKIE}=")))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
        .filter(|v| !v.is_empty())
}

/// The text of the element with `id` (first text node), if the page has it.
pub fn element_text(page: &str, id: &str) -> Option<String> {
    let start = page.find(&format!("id=\"{id}\""))?;
    let open_end = page[start..].find('>')? + start + 1;
    let close = page[open_end..].find('<')? + open_end;
    Some(page[open_end..close].trim().to_string())
}

pub async fn invite(app: &TestApp, account: &str, email: &str) -> String {
    users::invite(&app.db, account, email)
        .await
        .unwrap()
        .unwrap()
}

pub async fn setup(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/dashboard/setup/{token}")))
        .form_of(&[("password", password), ("password_confirm", password)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_invited_user_sets_a_password_once_and_logs_in() {
    let app = TestApp::spawn().await;
    let token = invite(&app, ACCOUNT, "Owner@Example.com").await;
    let (status, page) = app.get_page(&format!("/dashboard/setup/{token}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"setup-form\"") && page.contains("owner@example.com"));

    // Too short, or two different passwords: refused, nothing set.
    let short = setup(&app, &token, "eleven char").await;
    assert_eq!(short.status(), 422);
    assert!(
        short
            .text()
            .await
            .unwrap()
            .contains("at least 12 characters")
    );
    let mismatch = app
        .client
        .post(app.url(&format!("/dashboard/setup/{token}")))
        .form_of(&[
            ("password", PASSWORD),
            ("password_confirm", "another password!"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(mismatch.status(), 422);
    let unset = "SELECT COUNT(*) FROM dashboard_users WHERE password_hash IS NULL";
    assert_eq!(app.count(unset).await, 1);

    let done = setup(&app, &token, PASSWORD).await;
    assert_eq!(done.status(), 303);
    assert_eq!(location(&done), "/dashboard/login?welcome");
    // The link worked once.
    let again = setup(&app, &token, "a different password").await;
    assert_eq!(again.status(), 404);
    assert_eq!(
        app.get_page(&format!("/dashboard/setup/{token}")).await.0,
        404
    );

    // Stored as argon2id, never the password.
    let hashed = "SELECT COUNT(*) FROM dashboard_users WHERE password_hash LIKE '$argon2id$%'";
    assert_eq!(app.count(hashed).await, 1);
    assert!(!app.dump().await.contains(PASSWORD));

    let mut b = Browser::new(&app);
    assert_eq!(b.login("owner@example.com", "wrong password!!").await, 401);
    assert!(b.session.is_none());
    let resp = b
        .app
        .client
        .post(app.url("/dashboard/login"))
        .form_of(&[("email", " OWNER@example.com"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard");
    let set_cookie = resp.headers()["set-cookie"].to_str().unwrap().to_string();
    for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(set_cookie.starts_with("__Host-og_session=") && !set_cookie.contains("Domain"));
    b.session = session_cookie(&resp);
    let (status, page) = b.get("/dashboard").await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("<code id=\"account-id\">{ACCOUNT}</code>")));
    for event in [
        "user.invited",
        "user.password_set",
        "login.failed",
        "login.succeeded",
    ] {
        assert!(page.contains(&format!("data-event=\"{event}\"")), "{event}");
    }
}

#[tokio::test]
async fn an_expired_or_made_up_setup_link_does_nothing() {
    let app = TestApp::spawn().await;
    let token = invite(&app, ACCOUNT, "late@example.com").await;
    app.exec("UPDATE dashboard_users SET setup_expires_at = 0")
        .await;
    assert_eq!(
        app.get_page(&format!("/dashboard/setup/{token}")).await.0,
        404
    );
    assert_eq!(setup(&app, &token, PASSWORD).await.status(), 404);
    assert_eq!(setup(&app, &"0".repeat(64), PASSWORD).await.status(), 404);
    assert_eq!(setup(&app, "short", PASSWORD).await.status(), 404);
    let set = "SELECT COUNT(*) FROM dashboard_users WHERE password_hash IS NOT NULL";
    assert_eq!(app.count(set).await, 0);
}

#[tokio::test]
async fn pages_need_a_live_session() {
    let app = TestApp::spawn().await;
    for path in [
        "/dashboard",
        "/dashboard/credentials",
        "/dashboard/settings",
        "/dashboard/developers",
        "/dashboard/password",
    ] {
        let resp = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(resp.status(), 303, "{path}");
        assert_eq!(location(&resp), "/dashboard/login");
        let made_up = app
            .client
            .get(app.url(path))
            .header("cookie", format!("{COOKIE}={}", "a".repeat(64)))
            .send()
            .await
            .unwrap();
        assert_eq!(made_up.status(), 303, "{path}");
    }
    let before = app.snapshot().await;
    let resp = app
        .client
        .post(app.url("/dashboard/credentials"))
        .form_of(&[("intent", "rotate"), ("overlap", "3600")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn a_login_always_makes_a_new_session_and_logout_ends_it() {
    let app = TestApp::spawn().await;
    let mut b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let first = b.session.clone().unwrap();
    // Session fixation (T14): a token planted before the login is never the one after it.
    let planted = "b".repeat(64);
    b.session = Some(planted.clone());
    assert_eq!(b.login("owner@example.com", PASSWORD).await, 303);
    let second = b.session.clone().unwrap();
    assert_ne!(second, planted);
    assert_ne!(second, first);
    assert_eq!(b.get("/dashboard").await.0, 200);

    let resp = b.post("/dashboard/logout", &[]).await;
    assert_eq!(resp.status(), 303);
    assert!(
        resp.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(
        b.get("/dashboard").await.0,
        303,
        "the logged-out token is dead"
    );
    // The first session is still live on its own (another browser), until it ends.
    b.session = Some(first);
    assert_eq!(b.get("/dashboard").await.0, 200);
    let page = b.get("/dashboard").await.1;
    assert!(page.contains("data-event=\"login.logged_out\""));
}

#[tokio::test]
async fn sessions_end_when_idle_or_old() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    assert_eq!(b.get("/dashboard").await.0, 200);
    // 31 minutes without a request.
    let idle = 31 * 60 * 1000;
    app.exec(&format!(
        "UPDATE dashboard_sessions SET last_seen_at = last_seen_at - {idle}"
    ))
    .await;
    assert_eq!(b.get("/dashboard").await.0, 303);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM dashboard_sessions").await,
        0
    );

    let mut b = Browser::new(&app);
    assert_eq!(b.login("owner@example.com", PASSWORD).await, 303);
    // Busy all along, but logged in 12 hours ago.
    let old = 12 * 3600 * 1000 + 1;
    app.exec(&format!(
        "UPDATE dashboard_sessions SET created_at = created_at - {old}"
    ))
    .await;
    assert_eq!(b.get("/dashboard").await.0, 303);
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions() {
    let app = TestApp::spawn().await;
    let here = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let mut there = Browser::new(&app);
    assert_eq!(there.login("owner@example.com", PASSWORD).await, 303);

    let wrong = here
        .post(
            "/dashboard/password",
            &[
                ("current_password", "not the password"),
                ("password", "a brand new password"),
                ("password_confirm", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(there.get("/dashboard").await.0, 200, "nothing changed");

    let changed = here
        .post(
            "/dashboard/password",
            &[
                ("current_password", PASSWORD),
                ("password", "a brand new password"),
                ("password_confirm", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(here.get("/dashboard").await.0, 200, "this session goes on");
    assert_eq!(there.get("/dashboard").await.0, 303, "the other one ended");
    let mut again = Browser::new(&app);
    assert_eq!(again.login("owner@example.com", PASSWORD).await, 401);
    assert_eq!(
        again
            .login("owner@example.com", "a brand new password")
            .await,
        303
    );
}

#[tokio::test]
async fn repeated_failures_lock_the_email_even_for_the_right_password() {
    let app = TestApp::spawn().await;
    let token = invite(&app, ACCOUNT, "owner@example.com").await;
    assert_eq!(setup(&app, &token, PASSWORD).await.status(), 303);
    let mut b = Browser::new(&app);
    for i in 0..5 {
        assert_eq!(
            b.login("owner@example.com", &format!("wrong-{i}-password"))
                .await,
            401
        );
    }
    // The 6th attempt within 15 minutes, with the right password: 429 and no session.
    let resp = app
        .client
        .post(app.url("/dashboard/login"))
        .form_of(&[("email", "owner@example.com"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["retry-after"], "900");
    assert!(session_cookie(&resp).is_none());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM dashboard_sessions").await,
        0
    );
    // One audit row per failure, none holding a password.
    let failed = "SELECT COUNT(*) FROM audit_events WHERE event = 'login.failed'";
    assert_eq!(app.count(failed).await, 5);
    let with_password = "SELECT COUNT(*) FROM audit_events WHERE detail LIKE '%wrong-%' \
                         OR detail LIKE '%horse%' OR actor LIKE '%horse%'";
    assert_eq!(app.count(with_password).await, 0);

    // 30 minutes later: the failures are out of the window.
    app.exec("UPDATE audit_events SET at = at - 1800000").await;
    assert_eq!(b.login("owner@example.com", PASSWORD).await, 303);
}

#[tokio::test]
async fn one_address_trying_many_emails_is_locked_too() {
    let app = TestApp::spawn().await;
    let token = invite(&app, ACCOUNT, "owner@example.com").await;
    assert_eq!(setup(&app, &token, PASSWORD).await.status(), 303);
    let mut b = Browser::new(&app);
    // 4 tries each on 5 emails: under the per-email limit, at the per-address one.
    let mut statuses = Vec::new();
    for user in 0..6 {
        for _ in 0..4 {
            statuses.push(
                b.login(&format!("user{user}@example.com"), "guess guess guess")
                    .await,
            );
        }
    }
    assert!(statuses[..20].iter().all(|s| *s == 401), "{statuses:?}");
    assert!(statuses[20..].iter().all(|s| *s == 429), "{statuses:?}");
    assert_eq!(b.login("owner@example.com", PASSWORD).await, 429);
    let failed = "SELECT COUNT(*) FROM audit_events WHERE event = 'login.failed'";
    assert_eq!(app.count(failed).await, 20);
}

/// The time of one failed login for `email`.
async fn failed_login(b: &mut Browser<'_>, email: &str, i: usize) -> Duration {
    let started = Instant::now();
    let status = b.login(email, &format!("wrong password {i}")).await;
    assert_eq!(status, 401);
    started.elapsed()
}

/// T14's timing test, made robust to a busy machine: the attempts alternate, and the fastest of
/// each kind is compared (a loaded machine only ever adds time). Without the dummy hash an
/// unknown email answers after a query and an insert, a small fraction of an argon2 verify.
#[tokio::test]
async fn an_unknown_email_costs_what_a_wrong_password_costs() {
    let app = TestApp::spawn().await;
    let token = invite(&app, ACCOUNT, "owner@example.com").await;
    assert_eq!(setup(&app, &token, PASSWORD).await.status(), 303);
    let mut b = Browser::new(&app);
    let (mut known, mut unknown) = (Duration::MAX, Duration::MAX);
    // Four of each: under the per-email lockout, at most 8 of the address's 20.
    for i in 0..4 {
        known = known.min(failed_login(&mut b, "owner@example.com", i).await);
        unknown = unknown.min(failed_login(&mut b, "nobody@example.com", i).await);
    }
    assert!(
        unknown * 3 > known,
        "an unknown email answers much faster: known {known:?}, unknown {unknown:?}"
    );
}

#[tokio::test]
async fn forged_dashboard_forms_change_nothing() {
    let app = TestApp::spawn().await;
    let b = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let other = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    let foreign_token = other.csrf().await;
    let before = app.snapshot().await;
    let rotated = "SELECT COUNT(*) FROM audit_events WHERE event = 'secret.rotated'";

    let forms: [(&str, Vec<(&str, &str)>); 2] = [
        (
            "/dashboard/credentials",
            vec![("intent", "rotate"), ("overlap", "3600")],
        ),
        (
            "/dashboard/settings",
            vec![("return_hosts", "evil.example"), ("frame_origins", "")],
        ),
    ];
    for (path, form) in &forms {
        // No token, or another session's token.
        assert_eq!(b.post_raw(path, form).await.status(), 403, "{path}");
        let mut with_foreign = vec![("csrf_token", foreign_token.as_str())];
        with_foreign.extend_from_slice(form);
        assert_eq!(
            b.post_raw(path, &with_foreign).await.status(),
            403,
            "{path}"
        );
        // The right token, from another origin or another site.
        let csrf = b.csrf().await;
        let mut with_token = vec![("csrf_token", csrf.as_str())];
        with_token.extend_from_slice(form);
        for (header, value) in [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ] {
            let resp = b
                .send(app.client.post(app.url(path)))
                .header(header, value)
                .form_of(&with_token)
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 403, "{path} {header}");
        }
    }
    // A logout from another site does not end the session either.
    let resp = b
        .send(app.client.post(app.url("/dashboard/logout")))
        .header("origin", "https://evil.example")
        .form_of(&[("csrf_token", b.csrf().await.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    assert_eq!(b.get("/dashboard").await.0, 200);
    assert_eq!(app.snapshot().await, before);
    assert_eq!(app.count(rotated).await, 0);
    // A login form posted from elsewhere (login CSRF: the victim's browser logged into the
    // attacker's account) is refused before any password is checked: another origin, a
    // same-site page on another port, or one that makes its request carry `Origin: null`.
    for (header, value) in [
        ("origin", "https://evil.example"),
        ("origin", "null"),
        ("sec-fetch-site", "same-site"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let resp = app
            .client
            .post(app.url("/dashboard/login"))
            .header(header, value)
            .form_of(&[("email", "owner@example.com"), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 403, "{header}: {value}");
        assert!(session_cookie(&resp).is_none());
    }
    // Our own pages keep the referrer within our origin, so their forms carry a real Origin.
    let resp = app
        .client
        .get(app.url("/dashboard/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["referrer-policy"], "same-origin");
    let resp = b
        .send(app.client.post(app.url("/dashboard/login")))
        .header("origin", app.address.as_str())
        .header("sec-fetch-site", "same-origin")
        .form_of(&[("email", "owner@example.com"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303, "our own login form is accepted");
}

#[tokio::test]
async fn a_user_sees_only_their_own_merchant() {
    let app = TestApp::spawn().await;
    let mine = Browser::logged_in(&app, ACCOUNT, "owner@example.com").await;
    let theirs = Browser::logged_in(&app, OTHER_ACCOUNT, "other@example.com").await;
    assert_eq!(mine.rotate("3600").await.0, 200);
    let resp = mine
        .post(
            "/dashboard/settings",
            &[("return_hosts", "mine.example.com"), ("frame_origins", "")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    for path in [
        "/dashboard",
        "/dashboard/credentials",
        "/dashboard/settings",
        "/dashboard/developers",
    ] {
        let (status, page) = theirs.get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(!page.contains(ACCOUNT), "{path} shows the other merchant");
        assert!(!page.contains("owner@example.com"), "{path}");
        assert!(!page.contains("mine.example.com"), "{path}");
    }
    // Their rotation is theirs alone.
    assert_eq!(theirs.rotate("3600").await.0, 200);
    let versions = "SELECT COUNT(*) FROM merchants WHERE secret_version = 2";
    assert_eq!(app.count(versions).await, 2);
    // The same email cannot be invited to a second merchant.
    let refused = users::invite(&app.db, OTHER_ACCOUNT, "owner@example.com")
        .await
        .unwrap();
    assert_eq!(refused, Err(users::InviteRefused::OtherMerchant));
}
