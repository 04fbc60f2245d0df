//! Command line of baocao (the commands arrive with the pipeline).

fn main() {
    eprintln!("baocao: no commands yet");
    std::process::exit(2);
}
