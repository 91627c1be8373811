//! sea-orm entities; private to the store.

pub mod merchant;
pub mod payment;
pub mod test_charge;
