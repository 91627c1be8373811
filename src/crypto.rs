//! Merchant secrets at rest (T12): XChaCha20-Poly1305 under a 32-byte master key that lives
//! outside the database (`GATEWAY_MASTER_KEY`, or a 0600 key file beside the SQLite file). Each
//! ciphertext is bound to its merchant through the associated data, so a ciphertext copied to
//! another row does not decrypt. Also the random identifiers and tokens.

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use secrecy::{ExposeSecret, SecretBox, SecretString};
use sha2::{Digest, Sha256};
use std::path::Path;

const NONCE_LEN: usize = 24;

/// Random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    getrandom::getrandom(&mut out).expect("the OS random source is available");
    out
}

/// A random token of `N` bytes as lower-case hex.
pub fn random_hex<const N: usize>() -> String {
    hex::encode(random_bytes::<N>())
}

/// A lower-case hex id that sorts by creation time: 6 bytes of milliseconds since the Unix epoch,
/// then `N` random bytes. Rows keyed by such ids are appended to their indexes instead of being
/// scattered over them, so a group commit rewrites a few index pages instead of one or two per
/// row (it halved the SQLite writer's I/O per payment; see BENCHMARKS.md). With `N = 10` the
/// 80 random bits keep a payment page's address unguessable.
pub fn sortable_hex<const N: usize>() -> String {
    sortable_hex_with(&random_bytes::<N>())
}

/// [`sortable_hex`] with random bytes the caller drew (one draw for several ids).
pub fn sortable_hex_with(random: &[u8]) -> String {
    let ms = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    let ms = u64::try_from(ms).unwrap_or(0).to_be_bytes();
    let mut out = hex::encode(&ms[2..]);
    out.push_str(&hex::encode(random));
    out
}

#[derive(Debug, thiserror::Error)]
#[error("the merchant secret could not be decrypted (AEAD failure) under master key {key_id}")]
pub struct DecryptError {
    pub key_id: String,
}

/// The key-encryption key.
pub struct MasterKey {
    key: SecretBox<[u8; 32]>,
    id: String,
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MasterKey({})", self.id)
    }
}

impl MasterKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let id = hex::encode(
            &Sha256::digest([b"offsite-gateway key id:".as_slice(), &bytes].concat())[..4],
        );
        Self {
            key: SecretBox::new(Box::new(bytes)),
            id,
        }
    }

    /// Decodes base64 (standard or URL-safe) of exactly 32 bytes.
    pub fn from_base64(text: &str) -> anyhow::Result<Self> {
        let text = text.trim();
        let bytes = STANDARD
            .decode(text)
            .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
            .context("the master key is not valid base64")?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|b: Vec<u8>| {
            anyhow::anyhow!("the master key must be 32 bytes, not {}", b.len())
        })?;
        Ok(Self::from_bytes(bytes))
    }

    /// A new random key.
    pub fn generate() -> Self {
        Self::from_bytes(random_bytes())
    }

    /// The key as base64, for writing the key file.
    pub fn to_base64(&self) -> SecretString {
        SecretString::from(STANDARD.encode(self.key.expose_secret()))
    }

    /// Reads the key file, or creates it (mode 0600) with a new key if it does not exist.
    pub fn load_or_create(path: &Path) -> anyhow::Result<(Self, bool)> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let key = Self::from_base64(&text)
                    .with_context(|| format!("reading the master key file {}", path.display()))?;
                Ok((key, false))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                use std::io::Write;
                #[cfg(unix)]
                use std::os::unix::fs::OpenOptionsExt;
                let key = Self::generate();
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                options.mode(0o600);
                let mut file = options
                    .open(path)
                    .with_context(|| format!("creating the master key file {}", path.display()))?;
                writeln!(file, "{}", key.to_base64().expose_secret())?;
                file.sync_all()?;
                Ok((key, true))
            }
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    /// A short public fingerprint that names the key in errors and in each ciphertext's row.
    pub fn id(&self) -> &str {
        &self.id
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.key.expose_secret().into())
    }

    /// Encrypts `plaintext`, bound to `aad`; the output is nonce || ciphertext.
    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
        let nonce = random_bytes::<NONCE_LEN>();
        let ct = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .expect("encryption with a valid key cannot fail");
        [nonce.as_slice(), &ct].concat()
    }

    /// Decrypts what [`seal`](Self::seal) made with the same `aad`; any tampering, truncation or
    /// a different key or row is an error, never a panic.
    pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<SecretBox<Vec<u8>>, DecryptError> {
        let err = || DecryptError {
            key_id: self.id.clone(),
        };
        if sealed.len() < NONCE_LEN + 16 {
            return Err(err());
        }
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        self.cipher()
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
            .map(|p| SecretBox::new(Box::new(p)))
            .map_err(|_| err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sortable_ids_sort_by_time_and_stay_random() {
        let a = sortable_hex::<10>();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = sortable_hex::<10>();
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert!(a < b, "{a} then {b}");
        assert_ne!(a[12..], b[12..]);
        assert_ne!(sortable_hex::<10>()[12..], sortable_hex::<10>()[12..]);
    }

    #[test]
    fn seals_and_opens_bound_to_the_row() {
        let key = MasterKey::generate();
        let sealed = key.seal(b"iU44RWxeik", b"merchant:a");
        assert!(!sealed.windows(10).any(|w| w == b"iU44RWxeik"));
        assert_eq!(
            key.open(&sealed, b"merchant:a").unwrap().expose_secret(),
            b"iU44RWxeik"
        );
        assert!(
            key.open(&sealed, b"merchant:b").is_err(),
            "row swap must fail"
        );
        assert!(MasterKey::generate().open(&sealed, b"merchant:a").is_err());
        for len in [0, 1, 23, 24, 39] {
            assert!(
                key.open(&sealed[..len.min(sealed.len())], b"merchant:a")
                    .is_err()
            );
        }
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(key.open(&flipped, b"merchant:a").is_err());
    }

    #[test]
    fn key_file_is_created_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gw.key");
        let (a, created) = MasterKey::load_or_create(&path).unwrap();
        assert!(created);
        let (b, created) = MasterKey::load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(a.id(), b.id());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn rejects_keys_of_the_wrong_size() {
        assert!(MasterKey::from_base64("c2hvcnQ=").is_err());
        assert!(MasterKey::from_base64("not base64!").is_err());
        let k = MasterKey::generate();
        let again = MasterKey::from_base64(k.to_base64().expose_secret()).unwrap();
        assert_eq!(k.id(), again.id());
    }
}
