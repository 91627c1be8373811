#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| offsite_gateway::fuzzing::order_body(data));
