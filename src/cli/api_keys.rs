//! `offsite-gateway api-key …`: make, list and revoke a merchant's API keys (protocol.md
//! section 11's CLI shape). A key is printed once, when it is made; only its hash is kept.

use crate::config::Settings;
use crate::startup;
use crate::store::merchants::{self, Actor};
use crate::store::{api_keys, format_millis, now_millis};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum ApiKeyCommand {
    /// Make an API key for the merchant and print it (shown only this once).
    Create {
        account: String,
        /// A live key (`sk_live_…`); without it a test key (`sk_test_…`).
        #[arg(long)]
        live: bool,
        #[arg(long)]
        json: bool,
    },
    /// List the merchant's keys (never the keys themselves).
    List {
        account: String,
        #[arg(long)]
        json: bool,
    },
    /// Revoke a key: it stops working at once.
    Revoke { account: String, id: String },
}

pub async fn run(settings: Settings, command: ApiKeyCommand) -> anyhow::Result<()> {
    let (db, _key, _) = startup::open(&settings).await?;
    let account = match &command {
        ApiKeyCommand::Create { account, .. }
        | ApiKeyCommand::List { account, .. }
        | ApiKeyCommand::Revoke { account, .. } => account.clone(),
    };
    let Some(merchant) = merchants::find(&db, &account).await? else {
        anyhow::bail!("no merchant has the account id {account}");
    };
    match command {
        ApiKeyCommand::Create { live, json, .. } => {
            if live && merchant.test_only {
                eprintln!(
                    "note: {account} takes test payments only; this live key will be refused \
                     until the account is enabled for live payments"
                );
            }
            let made =
                api_keys::create(&db, &account, live, now_millis(), Some(&Actor::cli())).await?;
            if json {
                println!("{}", serde_json::json!({"id": made.id, "key": made.key}));
            } else {
                println!("id:  {}", made.id);
                println!("key: {}", made.key);
                println!("Keep the key now: it is not shown again.");
            }
        }
        ApiKeyCommand::List { json, .. } => {
            let keys = api_keys::list(&db, &account).await?;
            if json {
                let out: Vec<_> = keys
                    .iter()
                    .map(|k| {
                        serde_json::json!({
                            "id": k.id,
                            "livemode": k.livemode,
                            "hint": k.hint,
                            "created_at": format_millis(k.created_at),
                            "revoked_at": k.revoked_at.map(format_millis),
                        })
                    })
                    .collect();
                println!("{}", serde_json::Value::Array(out));
            } else {
                for k in keys {
                    let state = match k.revoked_at {
                        Some(at) => format!("revoked {}", format_millis(at)),
                        None => "active".into(),
                    };
                    println!(
                        "{}  {}  {}  {}",
                        k.id,
                        k.hint,
                        format_millis(k.created_at),
                        state
                    );
                }
            }
        }
        ApiKeyCommand::Revoke { id, .. } => {
            if !api_keys::revoke(&db, &account, &id, now_millis(), Some(&Actor::cli())).await? {
                anyhow::bail!("{account} has no active API key {id}");
            }
            println!("revoked {id}");
        }
    }
    Ok(())
}
