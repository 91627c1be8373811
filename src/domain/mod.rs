//! Pure types and rules of the protocol, with no I/O: the strict form parser, the signature,
//! money and currencies, target URLs, card input, request and response values, the payment
//! state rules and order management (capture, refund, void). Everything here is testable without a server or a database.

pub mod callback;
pub mod card;
pub mod doctor;
pub mod form;
pub mod hosts;
pub mod money;
pub mod operations;
pub mod payment;
pub mod request;
pub mod response;
pub mod session;
pub mod signature;
pub mod target;
pub mod webhook;
