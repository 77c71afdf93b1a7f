mod connect;
mod keyset;
