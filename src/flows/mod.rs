//! The coordinating code: each flow takes typed input from a route (or a timer), applies the
//! domain's rules, and moves the payment through the store, the processor and the callback
//! outbox. Routes do HTTP only; the domain decides; the store writes; a flow says in which
//! order, and what happens when a step is cut short.

pub mod accounts;
pub mod events;
pub mod expiry;
pub mod orders;
pub mod pay;
pub mod sessions;
pub mod settle;
