// Command journeymap validates, lints and renders customer-journey maps kept as code.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], DefaultIO())) }
