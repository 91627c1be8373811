//! sea-orm entities; private to the store.

pub mod callback;
pub mod callback_attempt;
pub mod merchant;
pub mod payment;
pub mod test_charge;
