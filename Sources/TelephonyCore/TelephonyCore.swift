// TelephonyCore: the port protocol and its value types.
